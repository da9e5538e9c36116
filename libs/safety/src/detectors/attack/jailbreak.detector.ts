import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { describe, evidence, originalSpan, scanCues, sigmoid, strongest } from './cue-scanner';
import { DISCUSSION } from './injection.cues';
import { JAILBREAK_CUES } from './jailbreak.cues';
import { PRESSURE_CUES } from './jailbreak-pressure.cues';

const CUES = [...JAILBREAK_CUES, ...PRESSURE_CUES, DISCUSSION];

const BIAS = -3.6;
const REPORT_FLOOR = 0.2;
/**
 * Techniques that only make sense together with another: a persona plus a licence, fiction plus no rules.
 * Several distinct techniques in one prompt is itself the signature of a crafted jailbreak.
 */
const TECHNIQUE_BREADTH = 0.35;
const STRONG = 1.4;

/**
 * Jailbreak framings: personas that replace the assistant (DAN, developer mode, named "…GPT" characters),
 * declared freedom from rules, refusal and warning suppression, dual-response formats, token games and
 * threats that keep the persona alive, and fiction or hypotheticals used as licence. Persona framing alone
 * weighs little, so benign role-play ("act as a travel guide") stays quiet.
 */
export class JailbreakDetector implements Detector {
  readonly id = 'jailbreak';
  readonly directions: readonly Direction[] = ['input'];

  detect(text: AnalyzedText, _context: AnalysisContext): Finding[] {
    const hits = scanCues(text.normalized, CUES);
    if (!hits.some((hit) => hit.cue.weight > 0)) return [];
    // Only techniques strong enough to matter on their own count towards breadth.
    const families = new Set(hits.filter((hit) => hit.cue.weight >= STRONG).map((hit) => hit.cue.family))
      .size;
    const score = sigmoid(BIAS + evidence(hits) + TECHNIQUE_BREADTH * Math.max(0, families - 1));
    if (score < REPORT_FLOOR) return [];
    const top = strongest(hits)!;
    return [
      {
        detector: 'jailbreak.framing',
        category: 'jailbreak',
        score,
        span: originalSpan(text, top.start, top.end),
        reason: describe(hits),
      },
    ];
  }
}
