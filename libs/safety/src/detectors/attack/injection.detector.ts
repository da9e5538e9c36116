import type { AnalysisContext, AnalyzedText, Category, Detector, Direction, Finding } from '../../types';
import {
  describe,
  evidence,
  originalSpan,
  scanCues,
  sigmoid,
  strongest,
  type Cue,
  type CueHit,
} from './cue-scanner';
import {
  AUTHORITY_CLAIM,
  DISCUSSION,
  ENTER_MODE,
  EXTRACTION_VERB,
  FROM_NOW_ON,
  INSTEAD_HIJACK,
  NEW_INSTRUCTIONS,
  OBEY_ME,
  OVERRIDE_NON_LATIN,
  OVERRIDE_CONTEXT,
  OVERRIDE_POSITIONAL,
  OVERRIDE_STRONG,
  OVERRIDE_WEAK,
  PRIVILEGED_MODE,
  PWNED,
  REGARDLESS_OVERRIDE,
  DUMP_INTERNALS,
  REPEAT_ABOVE,
  ROLE_HEADERS,
  ROLE_TAGS,
  SECRET_EXTRACTION,
  SECRET_MULTILINGUAL,
  SECRET_NON_LATIN,
  SECRET_OBFUSCATED,
  SYSTEM_PROMPT_EXTRACTION,
  USER_DATA,
  YOUR_INSTRUCTIONS,
} from './injection.cues';
import { PERSONAL_DATA_CUES, SOCIAL_CUES } from './injection-social.cues';
import { STOP_TASK_HIJACK } from './indirect-injection.cues';

const INJECTION_CUES: readonly Cue[] = [
  OVERRIDE_STRONG,
  OVERRIDE_CONTEXT,
  DISCUSSION,
  OVERRIDE_POSITIONAL,
  OVERRIDE_NON_LATIN,
  OVERRIDE_WEAK,
  NEW_INSTRUCTIONS,
  INSTEAD_HIJACK,
  STOP_TASK_HIJACK,
  OBEY_ME,
  FROM_NOW_ON,
  PRIVILEGED_MODE,
  ENTER_MODE,
  ROLE_TAGS,
  ROLE_HEADERS,
  AUTHORITY_CLAIM,
  PWNED,
  REGARDLESS_OVERRIDE,
  ...SOCIAL_CUES,
  // Asking for a person's private details, without a verb bonus: "what is Ada Lovelace's birthday" is
  // trivia; it takes a premise that private data is fair game, or another technique, to reach a block.
  ...PERSONAL_DATA_CUES,
];

const EXTRACTION_CUES: readonly Cue[] = [
  DISCUSSION,
  SYSTEM_PROMPT_EXTRACTION,
  YOUR_INSTRUCTIONS,
  REPEAT_ABOVE,
  SECRET_EXTRACTION,
  SECRET_OBFUSCATED,
  SECRET_MULTILINGUAL,
  SECRET_NON_LATIN,
  USER_DATA,
  DUMP_INTERNALS,
];

const VERB_CUES: readonly Cue[] = [EXTRACTION_VERB];

/** Below this, a finding is noise that would only crowd the report. */
const REPORT_FLOOR = 0.2;
/** Prior log-odds: most traffic is benign, so one weak cue must stay well under the blocking line. */
const BIAS = -3;

/**
 * Direct prompt injection in the user's own turn: instruction override and task hijacking, forged system or
 * administrator messages and claimed privileged modes, and extraction of what the model holds in its
 * context (system prompt, planted secrets, the user's personal data).
 */
export class InjectionDetector implements Detector {
  readonly id = 'injection';
  readonly directions: readonly Direction[] = ['input'];

  detect(text: AnalyzedText, context: AnalysisContext): Finding[] {
    const findings: Finding[] = [];
    const normalized = text.normalized;
    const injection = scanCues(normalized, INJECTION_CUES);
    push(findings, text, 'injection.direct', 'prompt_injection', injection, 0);

    const extraction = scanCues(normalized, EXTRACTION_CUES);
    if (extraction.some((hit) => hit.cue.weight > 0)) {
      // A disclosure verb alone is every other question; it only counts next to something to disclose.
      extraction.push(...scanCues(normalized, VERB_CUES, 1));
      // Asking about "the system prompt" means more when the caller actually configured one.
      const configured = context.systemPrompt ? 0.4 : 0;
      push(findings, text, 'injection.extraction', 'system_prompt_extraction', extraction, configured);
    }
    return findings;
  }
}

function push(
  findings: Finding[],
  text: AnalyzedText,
  detector: string,
  category: Category,
  hits: readonly CueHit[],
  bonus: number,
): void {
  if (!hits.some((hit) => hit.cue.weight > 0)) return;
  const score = sigmoid(BIAS + evidence(hits) + bonus);
  if (score < REPORT_FLOOR) return;
  const top = strongest(hits)!;
  findings.push({
    detector,
    category,
    score,
    span: originalSpan(text, top.start, top.end),
    reason: describe(hits),
  });
}
