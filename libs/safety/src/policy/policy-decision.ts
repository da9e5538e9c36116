import type { Category, Direction } from '../types';
import type { PolicyAction, Priority } from './constitution';
import type { Evidence, TextMask } from './evidence-excerpt';

export type Verdict = 'allow' | 'modify' | 'block';

export interface PolicyViolation {
  principle: string;
  priority: Priority;
  /** The wire field of the same name (`critical | high | medium | low`): the principle's priority. */
  severity: Priority;
  /** What this violation does: the principle's action, or `block` when `escalatedFrom` is `modify`. */
  action: PolicyAction;
  /** Set when a `modify` principle met a finding nothing can modify, so the text is blocked instead. */
  escalatedFrom?: 'modify';
  /** `llm.critic` for violations found (or assumed, fail closed) by the LLM review. */
  detector: string;
  /** Absent only for an LLM-review violation of a principle that covers detectors alone. */
  category?: Category;
  score: number;
  /** Why, from the detector (or the critic), with sensitive data masked. */
  reason: string;
  evidence: Evidence;
}

export type ReviewOutcomeKind = 'passed' | 'violated' | 'revised' | 'failed_closed' | 'failed_open';

export interface ReviewOutcome {
  principle: string;
  outcome: ReviewOutcomeKind;
  /** For a failure: why the fail mode was used (`timeout after 1500 ms`, `HTTP 500`, …). */
  reason?: string;
  /** The critic's explanation, bounded and masked. */
  explanation?: string;
}

export interface PolicyDecision {
  verdict: Verdict;
  /** Ordered by action (block first), then priority, score and position. */
  violations: PolicyViolation[];
  /** Violations left out of `violations` by the per-principle cap (the text still counts them). */
  omittedViolations: number;
  /** The modified text, when the verdict is `modify`. */
  text?: string;
  /** A critical principle was violated: page someone. */
  alert: boolean;
  /** A critical principle was violated: a person should look at this decision. */
  humanReview: boolean;
  /** Principle ids that want an LLM review of this text (see `reviewDecision`). */
  reviewRequested: string[];
  /** Set by `reviewDecision`: what the review said for each requested principle. */
  reviews?: ReviewOutcome[];
  /** The constitution's `version` label. */
  policyVersion: string;
  direction: Direction;
  endpoint?: string;
  /** Spans never shown or sent out verbatim (positions and labels only); used to prepare a review. */
  masks: TextMask[];
}

export const ACTION_RANK: Readonly<Record<PolicyAction, number>> = { block: 3, modify: 2, warn: 1, log: 0 };
export const PRIORITY_RANK: Readonly<Record<Priority, number>> = { critical: 3, high: 2, medium: 1, low: 0 };

/** The strongest action wins; warn and log are reported but leave the text alone. */
export function verdictOf(violations: readonly Pick<PolicyViolation, 'action'>[]): Verdict {
  let verdict: Verdict = 'allow';
  for (const { action } of violations) {
    if (action === 'block') return 'block';
    if (action === 'modify') verdict = 'modify';
  }
  return verdict;
}

export function compareViolations(a: PolicyViolation, b: PolicyViolation): number {
  return (
    ACTION_RANK[b.action] - ACTION_RANK[a.action] ||
    PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] ||
    b.score - a.score ||
    a.evidence.start - b.evidence.start ||
    (a.principle < b.principle ? -1 : a.principle > b.principle ? 1 : 0) ||
    (a.detector < b.detector ? -1 : a.detector > b.detector ? 1 : 0)
  );
}
