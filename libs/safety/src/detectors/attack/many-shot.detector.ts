import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { cue, originalSpan, scanCues, sigmoid, type Cue } from './cue-scanner';

/** A speaker label that opens a fabricated dialogue turn: "q:", "user:", "assistant:", "human:", "ai:". */
const TURN = cue(
  'many_shot.turn',
  'turn',
  0,
  [],
  /(?<=^|[\s"'([{>|])(?:q|a|question|answer|user|human|assistant|ai|bot|model|chatbot|gpt|chatgpt|system|customer|agent|me|you|input|output)\s*\d*\s*:(?:\s|$)/,
  'a dialogue turn',
);
/** An assistant turn that complies: the pattern many-shot attacks plant so the model continues it. */
const COMPLIANCE = cue(
  'many_shot.compliance',
  'compliance',
  0,
  [],
  /\b(?:sure|of course|absolutely|certainly|here(?:['’]s| is| are) (?:how|the|a|what)|step 1|first,? you)\b/,
  'an assistant turn that complies',
);
const QUESTION = /\?/g;

/** Few-shot examples are normal; a dialogue this long inside one user turn is not. */
const MIN_TURNS = 10;

/**
 * Many-shot jailbreaking and context flooding: one user turn carrying a long fabricated dialogue (dozens of
 * "User:/Assistant:" or "Q:/A:" turns in which the assistant complies) so the model continues the pattern,
 * or a barrage of unrelated questions that buries one probing request.
 */
export class ManyShotDetector implements Detector {
  readonly id = 'jailbreak.many_shot';
  readonly directions: readonly Direction[] = ['input'];

  detect(text: AnalyzedText, _context: AnalysisContext): Finding[] {
    const normalized = text.normalized;
    const findings: Finding[] = [];
    const turns = countCue(TURN_CUES, normalized);
    if (turns.count >= MIN_TURNS) {
      const compliance = countCue(COMPLIANCE_CUES, normalized).count;
      // Grows with the number of turns (attack success grows roughly with the log of the shots).
      const logit = -2.6 + 1.6 * Math.log2(turns.count / MIN_TURNS + 1) + Math.min(1.5, 0.15 * compliance);
      findings.push({
        detector: 'jailbreak.many_shot',
        category: 'jailbreak',
        score: sigmoid(logit),
        span: originalSpan(text, turns.first, normalized.length),
        reason: `${turns.count} fabricated dialogue turns in one message${
          compliance > 2 ? ', with the assistant shown complying' : ''
        } (many-shot pattern)`,
      });
    }
    const questions = count(QUESTION, normalized);
    if (questions.count >= 8 && normalized.length / questions.count < 90) {
      findings.push({
        detector: 'jailbreak.question_flood',
        category: 'prompt_injection',
        score: sigmoid(-2.4 + 0.08 * questions.count),
        span: originalSpan(text, questions.first, normalized.length),
        reason: `${questions.count} short questions in a row, a flood that can bury a probing request`,
      });
    }
    return findings;
  }
}

function count(pattern: RegExp, text: string): { count: number; first: number } {
  pattern.lastIndex = 0;
  let n = 0;
  let first = -1;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (first < 0) first = match.index;
    if (++n >= 500) break;
  }
  return { count: n, first: Math.max(0, first) };
}

const TURN_CUES = [TURN];
const COMPLIANCE_CUES = [COMPLIANCE];

function countCue(cues: readonly Cue[], text: string): { count: number; first: number } {
  const hits = scanCues(text, cues, 500);
  return { count: hits.length, first: hits.length > 0 ? hits[0].start : 0 };
}
