import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { findEncodedRuns } from './encoded-runs';

/**
 * Instructions carried in binary octets or Morse code, which the normaliser does not decode: each run is
 * decoded and given to the wrapped detectors as text of its own. Findings point at the encoded run and
 * carry the encoding in their detector name (`injection.direct@binary`), which fusion reads as evasion.
 */
export class EncodedInstructionDetector implements Detector {
  readonly id = 'injection.encoded';
  readonly directions: readonly Direction[] = ['input'];

  constructor(private readonly inner: readonly Detector[]) {}

  detect(text: AnalyzedText, context: AnalysisContext): Finding[] {
    const findings: Finding[] = [];
    for (const run of findEncodedRuns(text.original).slice(0, 4)) {
      const span = { start: run.start, end: run.end };
      const decoded: AnalyzedText = {
        original: run.decoded,
        normalized: run.decoded.toLowerCase().replace(/\s+/g, ' '),
        toOriginal: () => run.start,
        decoded: [],
        signals: { foldedChars: 0, invisibleChars: 0 },
      };
      for (const detector of this.inner)
        for (const finding of detector.detect(decoded, context))
          findings.push({
            ...finding,
            detector: `${finding.detector}@${run.encoding}`,
            span,
            reason: `in ${run.encoding}-encoded text: ${finding.reason}`,
          });
    }
    return findings;
  }
}
