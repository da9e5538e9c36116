import type { Finding } from '../types';
import type { Constitution } from './constitution';
import type { Critique } from './critic-reply';
import { buildEvidence, expandMasks, maskRepeats, type TextMask } from './evidence-excerpt';
import type { Critic } from './llm-critic';
import {
  compareViolations,
  verdictOf,
  type PolicyDecision,
  type PolicyViolation,
  type ReviewOutcome,
} from './policy-decision';
import { PolicyError } from './policy-error';
import { resolvePrinciples, type ResolvedPrinciple } from './principle-table';
import { replaceFlaggedSpans, type TextModifier } from './text-modifier';

export interface ReviewOptions {
  /** Prepares the text sent for review; the same modifier the engine uses. */
  modifier?: TextModifier;
  /** The caller's cancellation; an aborted review counts as a failed one. */
  signal?: AbortSignal;
  excerptChars?: number;
}

export const CRITIC_DETECTOR = 'llm.critic';

/**
 * Runs the LLM critique for the principles a decision asked to review and folds the answer in. One
 * request covers every requested principle; its deadline is the longest of their `timeout_ms`, and a
 * principle whose own deadline passed before the answer came takes its fail mode all the same.
 *
 * The review can only add violations or a revision: it never clears what the detectors found, because
 * the critic reads attacker-controlled text and may itself be talked round. The critic is sent the text
 * with personal data and secrets masked and unsafe markup removed, so a revision never brings them back.
 */
export async function reviewDecision(
  decision: PolicyDecision,
  text: string,
  constitution: Constitution,
  critic: Critic,
  options: ReviewOptions = {},
): Promise<PolicyDecision> {
  if (decision.reviewRequested.length === 0) return decision;
  if (constitution.version !== decision.policyVersion)
    throw PolicyError.mismatch(
      `decision made under policy "${decision.policyVersion}" cannot be reviewed with "${constitution.version}"`,
    );
  const inForce = new Map(resolvePrinciples(constitution, decision.endpoint).map((p) => [p.id, p]));
  const principles = decision.reviewRequested.map((id) => {
    const principle = inForce.get(id);
    if (!principle?.review)
      throw PolicyError.mismatch(`principle "${id}" does not ask for an LLM review here`);
    return principle as ResolvedPrinciple & { review: NonNullable<ResolvedPrinciple['review']> };
  });

  const masks = expandMasks(text, decision.masks);
  const reviewText = (options.modifier ?? replaceFlaggedSpans)(text, masks.map(asFinding)).text;
  const timeoutMs = Math.max(...principles.map((p) => p.review.timeoutMs));
  const started = performance.now();
  let critique: Critique | undefined;
  let failure: string | undefined;
  try {
    critique = await critic.critique(
      {
        text: reviewText,
        direction: decision.direction,
        principles: principles.map((p) => ({ id: p.id, description: p.description })),
      },
      { timeoutMs, ...(options.signal ? { signal: options.signal } : {}) },
    );
  } catch (error) {
    failure = describeFailure(error);
  }
  const elapsed = performance.now() - started;

  const reviews: ReviewOutcome[] = [];
  const added: PolicyViolation[] = [];
  let revisedText: string | undefined;
  const violation = (p: ResolvedPrinciple, reason: string, canRevise: boolean): PolicyViolation => {
    const escalated = p.action === 'modify' && !canRevise;
    const category =
      p.covers.categories[0] ?? (p.covers.hazards[0] && (`harmful:${p.covers.hazards[0]}` as const));
    return {
      principle: p.id,
      priority: p.priority,
      severity: p.priority,
      action: escalated ? 'block' : p.action,
      ...(escalated ? { escalatedFrom: 'modify' as const } : {}),
      detector: CRITIC_DETECTOR,
      ...(category ? { category } : {}),
      score: 1,
      reason,
      evidence: buildEvidence(text, undefined, masks, options.excerptChars),
    };
  };
  for (const p of principles) {
    if (critique === undefined || elapsed > p.review.timeoutMs) {
      const why = failure ?? `timeout: no reply within ${p.review.timeoutMs} ms`;
      if (p.review.failMode === 'open') {
        reviews.push({ principle: p.id, outcome: 'failed_open', reason: why });
        continue;
      }
      reviews.push({ principle: p.id, outcome: 'failed_closed', reason: why });
      added.push(
        violation(p, `LLM review failed (${why}); fail mode closed counts the principle as violated`, false),
      );
      continue;
    }
    const explanation = maskRepeats(critique.explanation, text, masks);
    if (!critique.principles.includes(p.id)) {
      reviews.push({ principle: p.id, outcome: 'passed', explanation });
      continue;
    }
    const revises = p.action === 'modify' && critique.revisedText !== undefined;
    if (revises) revisedText = critique.revisedText;
    reviews.push({ principle: p.id, outcome: revises ? 'revised' : 'violated', explanation });
    added.push(violation(p, `LLM review: ${explanation}`, revises));
  }

  const violations = [...decision.violations, ...added].sort(compareViolations);
  const verdict = verdictOf(violations);
  const critical = added.some((v) => v.priority === 'critical');
  const { text: detectorText, ...rest } = decision;
  const modifiedText = verdict === 'modify' ? (revisedText ?? detectorText) : undefined;
  return {
    ...rest,
    verdict,
    violations,
    alert: decision.alert || critical,
    humanReview: decision.humanReview || critical,
    reviews,
    ...(modifiedText === undefined ? {} : { text: modifiedText }),
  };
}

function asFinding(mask: TextMask): Finding {
  return {
    detector: 'policy.review_mask',
    category: mask.label === undefined ? 'unsafe_markup' : 'pii',
    score: 1,
    span: { start: mask.start, end: mask.end },
    reason: 'masked before LLM review',
    ...(mask.label === undefined ? { sanitize: true } : { redaction: mask.label }),
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof PolicyError && error.reviewFailure)
    return `${error.reviewFailure}: ${error.message.replace(/^LLM review (failed|skipped|aborted)[: ]*/, '')}`;
  // A custom critic's message is not ours to vouch for (it could quote the text); its name is enough.
  return `error: ${error instanceof Error ? error.name : 'non-error thrown'}`;
}
