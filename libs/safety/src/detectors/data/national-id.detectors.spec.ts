import { analyzeText } from '../../normalize/analyze-text';
import { SsnDetector } from './ssn.detector';
import { UkNinoDetector } from './uk-nino.detector';

const ssn = new SsnDetector();
const nino = new UkNinoDetector();
const evidenceOf = (detector: SsnDetector | UkNinoDetector, text: string) =>
  detector
    .detect(analyzeText(text), { direction: 'input' })
    .map((f) => text.slice(f.span!.start, f.span!.end));

describe('SsnDetector', () => {
  it('finds SSNs with or without dashes when labelled as one', () => {
    expect(evidenceOf(ssn, 'My SSN is 536-22-1234.')).toEqual(['536-22-1234']);
    expect(evidenceOf(ssn, 'social security number: 536221234')).toEqual(['536221234']);
    expect(evidenceOf(ssn, '536 22 1234 (soc. sec.)')).toEqual(['536 22 1234']);
  });

  it('does not treat an unlabelled nine-digit or SSN-shaped number as an SSN', () => {
    expect(evidenceOf(ssn, 'Tracking 536221234 shipped; ref 536-22-1234.')).toEqual([]);
  });

  it('applies the SSA rules: no area 000, 666 or 9xx, no group 00, no serial 0000', () => {
    for (const number of ['000-12-3456', '666-12-3456', '912-34-5678', '536-00-1234', '536-22-0000'])
      expect(evidenceOf(ssn, `SSN ${number}`)).toEqual([]);
  });

  it('scores the famous never-issued example numbers low', () => {
    const [finding] = ssn.detect(analyzeText('SSN: 123-45-6789'), { direction: 'input' });
    expect(finding.score).toBeLessThanOrEqual(0.5);
  });
});

describe('UkNinoDetector', () => {
  it('finds National Insurance numbers, spaced or not, scoring labelled ones higher', () => {
    const text = 'NI number QQ 12 34 56 C, and AB123456D elsewhere in the text, far from any label at all.';
    expect(evidenceOf(nino, text)).toEqual(['AB123456D']);
    const labelled = nino.detect(analyzeText('national insurance: JG 10 37 59 B'), { direction: 'input' });
    const bare = nino.detect(analyzeText('reference JG103759B'), { direction: 'input' });
    expect(labelled[0].score).toBeGreaterThan(bare[0].score);
  });

  it('rejects prefixes HMRC never issues', () => {
    expect(evidenceOf(nino, 'GB123456A BG123456A DA123456A')).toEqual([]);
  });
});
