import { analyzeText } from '../../normalize/analyze-text';
import { IbanDetector, mod97 } from './iban.detector';

const detector = new IbanDetector();
const detect = (text: string) => detector.detect(analyzeText(text), { direction: 'input' });
const evidence = (text: string) => detect(text).map((f) => text.slice(f.span!.start, f.span!.end));

describe('IbanDetector', () => {
  it('finds IBANs printed in groups or compact, in any case', () => {
    const text =
      'Pay DE89 3704 0044 0532 0130 00 or gb82west12345698765432, FR14 2004 1010 0505 0001 3M02 606.';
    expect(evidence(text)).toEqual([
      'DE89 3704 0044 0532 0130 00',
      'gb82west12345698765432',
      'FR14 2004 1010 0505 0001 3M02 606',
    ]);
    expect(detect(text)[0]).toMatchObject({ detector: 'pii.iban', redaction: 'IBAN', score: 0.95 });
  });

  it('maps the span across a zero-width space inside the number', () => {
    expect(evidence('iban: NL91 ABNA\u200B 0417 1643 00 thanks')).toEqual(['NL91 ABNA\u200B 0417 1643 00']);
  });

  it.each([
    ['a wrong check digit', 'DE88 3704 0044 0532 0130 00'],
    ['a wrong length for the country', 'DE89 3704 0044 0532 0130 001'],
    ['an unknown country', 'QQ89 3704 0044 0532 0130 00'],
    ['a product code', 'model AB12 series'],
  ])('ignores %s', (_label, text) => {
    expect(detect(text)).toEqual([]);
  });

  it('implements ISO 7064 mod 97-10', () => {
    expect(mod97('gb82west12345698765432')).toBe(true);
    expect(mod97('gb83west12345698765432')).toBe(false);
  });
});
