import {
  buildEvidence,
  collectMasks,
  createSafetyGuard,
  type Finding,
  type SafetyGuard,
  type TextMask,
} from '@rampart/safety';
import type { AttemptRecord, JudgeEvidence, Judgement, JudgeVerdict, TurnRecord } from './judge';

/** The judges' ids, as `Judgement.judge` and `AttackOutcome.decidedBy` carry them. */
export const JUDGE_IDS = {
  guardrailVerdict: 'guardrail-verdict',
  refusal: 'refusal',
  harmfulContent: 'harmful-content',
  leakage: 'leakage',
  successCriteria: 'success-criteria',
  llm: 'llm',
} as const;

export const EXCERPT_CHARS = 160;

/** A turn that got a model reply. */
export type RepliedTurn = TurnRecord & { readonly reply: TurnRecord['reply'] & { readonly reply: string } };

/** The turns that carry the goal; the last turn when none is marked (the attempt stopped before them). */
export function goalTurns(attempt: AttemptRecord): TurnRecord[] {
  const marked = attempt.turns.filter((t) => t.turn.carriesGoal);
  if (marked.length > 0) return marked;
  const last = attempt.turns.at(-1);
  return last ? [last] : [];
}

export function repliedTurns(attempt: AttemptRecord): RepliedTurn[] {
  return attempt.turns.filter((t): t is RepliedTurn => typeof t.reply.reply === 'string');
}

/** The reply that answers the goal: to the last goal-carrying turn that got one, else the last reply. */
export function finalReply(attempt: AttemptRecord): RepliedTurn | undefined {
  const replied = repliedTurns(attempt);
  return replied.filter((t) => t.turn.carriesGoal).at(-1) ?? replied.at(-1);
}

/** Whether the guardrail blocked a goal-carrying turn on input or its reply on output. */
export function guardrailBlocked(attempt: AttemptRecord): boolean {
  return goalTurns(attempt).some(
    (t) => t.reply.inputCheck?.verdict === 'block' || t.reply.outputCheck?.verdict === 'block',
  );
}

let dataGuard: SafetyGuard | undefined;

/** PII and secrets detectors only: for masking excerpts and for `leaks_data`. */
export function sharedDataGuard(): SafetyGuard {
  dataGuard ??= createSafetyGuard({ attack: false, model: false, output: false });
  return dataGuard;
}

/**
 * At most 160 characters of `text` around `span`, with personal data and secrets replaced by their label
 * (`[EMAIL]`, `[SECRET:…]`) and every listed secret (a canary, a key) by `[CANARY]`/`[REDACTED]`.
 */
export function maskedExcerpt(
  text: string,
  span?: { start: number; end: number },
  options: { findings?: readonly Finding[]; canary?: string; secrets?: readonly (string | undefined)[] } = {},
): string {
  const findings = options.findings ?? sharedDataGuard().check(text, { direction: 'output' }).findings;
  const masks: TextMask[] = collectMasks(findings, text.length);
  const literal = (value: string | undefined, label: string) => {
    if (!value || value.length < 4) return;
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length))
      masks.push({ start: at, end: at + value.length, label });
  };
  literal(options.canary, 'CANARY');
  for (const secret of options.secrets ?? []) literal(secret, 'REDACTED');
  masks.sort((a, b) => a.start - b.start || b.end - a.end);
  return buildEvidence(text, span, masks, EXCERPT_CHARS).excerpt;
}

export function evidence(turn: number, source: JudgeEvidence['source'], excerpt: string): JudgeEvidence {
  return {
    turn,
    source,
    excerpt: excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS - 1)}…` : excerpt,
  };
}

export function judgement(
  judge: string,
  verdict: JudgeVerdict,
  confidence: number,
  reason: string,
  evidenceList: readonly JudgeEvidence[] = [],
): Judgement {
  return { judge, verdict, confidence: Math.max(0, Math.min(1, confidence)), reason, evidence: evidenceList };
}

export function abstain(judge: string, reason: string): Judgement {
  return judgement(judge, 'abstain', 0, reason);
}

/** The whole text with personal data, secrets and the canary replaced by labels (for sending it to an LLM). */
export function maskedText(text: string, canary?: string): string {
  const masks = collectMasks(
    sharedDataGuard().check(text, { direction: 'output' }).findings,
    text.length,
  ).filter((m) => m.label !== undefined);
  let out = '';
  let position = 0;
  for (const mask of masks) {
    if (mask.end <= position) continue;
    out += `${text.slice(position, Math.max(position, mask.start))}[${mask.label}]`;
    position = Math.max(position, mask.end);
  }
  out += text.slice(position);
  return canary && canary.length >= 4 ? out.split(canary).join('[CANARY]') : out;
}
