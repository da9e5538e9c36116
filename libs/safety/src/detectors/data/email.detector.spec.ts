import { analyzeText } from '../../normalize/analyze-text';
import { EmailDetector } from './email.detector';

const detector = new EmailDetector();
const detect = (text: string) => detector.detect(analyzeText(text), { direction: 'input' });
const evidence = (text: string) => detect(text).map((f) => text.slice(f.span!.start, f.span!.end));

describe('EmailDetector', () => {
  it('finds addresses with subdomains, plus tags and hyphens, labelled EMAIL with a reason', () => {
    const text = 'Write to jane.doe+billing@mail.acme-corp.co.uk or to J_Smith@Example.ORG.';
    expect(evidence(text)).toEqual(['jane.doe+billing@mail.acme-corp.co.uk', 'J_Smith@Example.ORG']);
    expect(detect(text)[0]).toMatchObject({
      detector: 'pii.email',
      category: 'pii',
      redaction: 'EMAIL',
      score: 0.9,
    });
  });

  it('points at the original characters behind zero-width splits, homoglyphs and emoji', () => {
    const text = '📧😀 contact: ｊａｎｅ@ex\u200Bample.іо today';
    expect(evidence(text)).toEqual(['ｊａｎｅ@ex\u200Bample.іо']);
  });

  it('scores documentation domains and role accounts lower than personal addresses', () => {
    const [docs, role, personal] = detect('a@example.com, support@acme.io, maria.lopez@acme.io');
    expect(docs.score).toBeLessThan(role.score);
    expect(role.score).toBeLessThan(personal.score);
  });

  it.each([
    ['an address discussed as a format without a TLD', 'addresses look like name@example or user@localhost'],
    ['package scopes and versions', 'install @rampart/safety and typescript@6.0.3 or lodash@4.17.21'],
    ['social handles', 'follow @jane_doe and @acme on the site'],
    ['retina image names', 'use logo@2x.png and icon@3x.webp'],
    ['user info in a URL (a connection string, not a mailbox)', 'ftp://anonymous@ftp.acme.io/pub'],
    [
      'an article about e-mail privacy',
      'Never paste your e-mail address into a prompt; phishing starts there.',
    ],
  ])('ignores %s', (_label, text) => {
    expect(detect(text)).toEqual([]);
  });
});
