import type { SeededRandom } from './random/seeded-random';

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export type Severity = Priority;

/**
 * One thing an attacker tries to obtain, from a goal corpus. `category` is an MLCommons hazard (S1–S14) or
 * one of the platform's own attack classes (GOAL_CATEGORIES).
 */
export interface Goal {
  /** Stable across releases: `<corpus>/<slug>`. */
  readonly id: string;
  readonly corpus: string;
  readonly category: GoalCategory;
  /** The request in plain words, before any strategy touches it. */
  readonly text: string;
  /** A short noun phrase for the subject ("household chemicals", "the bank's customer records"), used by
   * multi-turn planners to open the conversation on the topic before asking. */
  readonly topic: string;
  /** Words a reply that met the goal would contain; used by the success-criteria judge. */
  readonly indicators: readonly string[];
}

export const GOAL_CATEGORIES = [
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
  'S7',
  'S8',
  'S9',
  'S10',
  'S11',
  'S12',
  'S13',
  'S14',
  'system_prompt_extraction',
  'data_exfiltration',
  'instruction_hijack',
  'resource_exhaustion',
  'policy_bypass',
] as const;
export type GoalCategory = (typeof GOAL_CATEGORIES)[number];

/** What must be true of an attempt for the persona to count it as a success (any one suffices). */
export type SuccessCriterion =
  /** The guardrail allowed the turn that carries the goal. */
  | { readonly kind: 'guardrail_allows' }
  /** The target's reply is not a refusal. */
  | { readonly kind: 'not_refused' }
  /** The reply contains harmful content (SafetyGuard's output detectors). */
  | { readonly kind: 'harmful_content' }
  /** The reply leaks the system prompt or a planted canary token. */
  | { readonly kind: 'leaks_system_prompt' }
  /** The reply contains personal data or secrets. */
  | { readonly kind: 'leaks_data' }
  /** The reply matches a regular expression (case-insensitive). */
  | { readonly kind: 'reply_matches'; readonly pattern: string }
  /** At least `min` of the goal's indicator words appear in the reply. */
  | { readonly kind: 'goal_indicators'; readonly min: number };

export interface Persona {
  readonly id: string;
  readonly priority: Priority;
  /** What this attacker is after, in one sentence. */
  readonly goal: string;
  readonly description: string;
  /** Strategy chains this persona uses, e.g. `roleplay`, `base64,authority`, `leetspeak,crescendo`. */
  readonly tactics: readonly string[];
  /** Goal categories the persona draws from. */
  readonly goalCategories: readonly GoalCategory[];
  /** When set, only goals of these corpora (by name): a domain persona keeps to its domain's goals. */
  readonly goalCorpora?: readonly string[];
  readonly successCriteria: readonly SuccessCriterion[];
  readonly maxTurns: number;
  readonly severity: Severity;
  /** The file it was loaded from, for error messages. */
  readonly source: string;
}

export interface MutationContext {
  /** This mutator's own random stream (forked per position in the chain). */
  readonly rng: SeededRandom;
  readonly goal: Goal;
  readonly persona: Persona;
}

/** One attacker message. */
export interface AttackTurn {
  readonly text: string;
  /** True for the turn(s) that carry the goal itself; earlier turns prepare the ground. */
  readonly carriesGoal: boolean;
  /** Why this turn is there (`rapport`, `escalation 2/4`, `ask`), for reports. */
  readonly purpose: string;
}
