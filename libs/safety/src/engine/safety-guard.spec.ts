import type { AnalyzedText, Detector } from '../types';
import { SafetyGuard } from './safety-guard';

function analyzed(text: string): AnalyzedText {
  const payload = text.indexOf('[[');
  return {
    original: text,
    normalized: text.toLowerCase(),
    toOriginal: (offset) => offset,
    decoded:
      payload >= 0
        ? [{ encoding: 'hex', span: { start: payload, end: text.length }, decoded: 'bad word' }]
        : [],
    signals: { foldedChars: 0, invisibleChars: 0 },
  };
}

const badWord: Detector = {
  id: 'test.bad',
  directions: ['input'],
  detect: (text) =>
    text.normalized.includes('bad')
      ? [{ detector: 'test.bad', category: 'jailbreak', score: 0.7, reason: 'bad' }]
      : [],
};

describe('SafetyGuard', () => {
  it('keeps the original contract: a fusion returning a number, categories from the findings', () => {
    const report = new SafetyGuard(analyzed, [badWord]).check('a BAD idea', { direction: 'input' });
    expect(report.score).toBe(0.7);
    expect(report.categories).toEqual([{ category: 'jailbreak', score: 0.7 }]);
  });

  it('rescans decoded payloads when asked, naming the encoding and pointing at the payload', () => {
    const text = 'fine text [[68656c6c6f]]';
    const report = new SafetyGuard(analyzed, [badWord], undefined, { rescanDecoded: true }).check(text, {
      direction: 'input',
    });
    expect(report.findings).toEqual([
      expect.objectContaining({ detector: 'test.bad@hex', span: { start: 10, end: text.length } }),
    ]);
    expect(new SafetyGuard(analyzed, [badWord]).check(text, { direction: 'input' }).findings).toEqual([]);
  });

  it('skips detectors that do not apply to the direction', () => {
    const report = new SafetyGuard(analyzed, [badWord]).check('bad', { direction: 'output' });
    expect(report.findings).toEqual([]);
    expect(report.timings).toEqual({});
  });
});
