import { HAZARDS, type Category, type Direction, type HazardCode } from '../types';

/**
 * The validated, normalised form of a constitution (the YAML uses snake_case; this uses camelCase).
 * Everything is read-only: one instance is shared by every request a replica serves.
 */
export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const ACTIONS = ['block', 'modify', 'warn', 'log'] as const;
export type PolicyAction = (typeof ACTIONS)[number];

export const DIRECTIONS = ['input', 'output'] as const satisfies readonly Direction[];

export type FailMode = 'closed' | 'open';

/** The enforcement table: what a violated principle does when it names no `action`. */
export const PRIORITY_ACTION: Readonly<Record<Priority, PolicyAction>> = {
  critical: 'block',
  high: 'modify',
  medium: 'warn',
  low: 'log',
};

export const DEFAULT_BLOCK_THRESHOLD = 0.5;

// A record, not a list, so that adding a category to `Category` fails to compile until it is added here.
const NON_HAZARD_CATEGORIES: Record<Exclude<Category, `harmful:${string}`>, true> = {
  prompt_injection: true,
  indirect_injection: true,
  system_prompt_extraction: true,
  jailbreak: true,
  evasion: true,
  pii: true,
  secret: true,
  system_prompt_leak: true,
  unsafe_markup: true,
  multi_turn_escalation: true,
};

export const HAZARD_CODES = Object.keys(HAZARDS) as HazardCode[];

export const CATEGORIES: readonly Category[] = [
  ...(Object.keys(NON_HAZARD_CATEGORIES) as Category[]),
  ...HAZARD_CODES.map((code): Category => `harmful:${code}`),
];

export interface PrincipleReview {
  /** Whether the text is sent to the LLM critic for this principle. */
  readonly llm: boolean;
  /** What a failed review (timeout, error) means: `closed` = violated, `open` = ignore the review. */
  readonly failMode: FailMode;
  readonly timeoutMs: number;
  /** Ask the critic only when a covered finding scored at least this much (0 = always). */
  readonly minScore: number;
}

export interface PrincipleCoverage {
  readonly categories: readonly Category[];
  /** Detector ids, exact (`pii.email`) or a prefix ending in `.*` (`pii.*`). */
  readonly detectors: readonly string[];
  readonly hazards: readonly HazardCode[];
}

export interface Principle {
  readonly id: string;
  readonly priority: Priority;
  readonly description: string;
  readonly covers: PrincipleCoverage;
  /** Absent: the constitution's (or endpoint's) `blockThreshold` applies. */
  readonly threshold?: number;
  readonly directions: readonly Direction[];
  /** Absent: the priority's default action (`PRIORITY_ACTION`). */
  readonly action?: PolicyAction;
  readonly review?: PrincipleReview;
}

export interface PrincipleOverride {
  readonly threshold?: number;
  readonly action?: PolicyAction;
  readonly priority?: Priority;
  readonly directions?: readonly Direction[];
  readonly review?: PrincipleReview;
}

export interface EndpointPolicy {
  /** Replaces the constitution's default threshold for this endpoint's principles without their own. */
  readonly blockThreshold?: number;
  readonly disable: readonly string[];
  readonly principles: Readonly<Record<string, PrincipleOverride>>;
}

export interface Constitution {
  readonly version: string;
  readonly description?: string;
  readonly defaults: { readonly blockThreshold: number };
  readonly principles: readonly Principle[];
  /** Keyed by the endpoint name callers send in `context.endpoint`; a null-prototype record. */
  readonly endpoints: Readonly<Record<string, EndpointPolicy>>;
}
