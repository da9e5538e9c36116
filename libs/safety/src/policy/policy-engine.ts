import { isFusedCategory, type Category, type Direction, type Finding, type SafetyReport } from '../types';
import type { Constitution, PolicyAction } from './constitution';
import {
  buildEvidence,
  collectMasks,
  DEFAULT_EXCERPT_CHARS,
  maskRepeats,
  type TextMask,
} from './evidence-excerpt';
import {
  ACTION_RANK,
  PRIORITY_RANK,
  verdictOf,
  type PolicyDecision,
  type PolicyViolation,
} from './policy-decision';
import { PrincipleTable, resolvePrinciples, type ResolvedPrinciple } from './principle-table';
import { replaceFlaggedSpans, type TextModifier } from './text-modifier';

export interface PolicyEngineOptions {
  /** Rewrites the text of a `modify` decision; the redaction module's `applyModifications`. */
  modifier?: TextModifier;
  /** Violations listed per principle (the rest are counted in `omittedViolations`); default 10. */
  maxViolationsPerPrinciple?: number;
  /** Longest evidence excerpt, in UTF-16 code units; default 120. */
  excerptChars?: number;
}

export interface PolicyInput {
  /** The text the report was computed on: evidence and modifications index into it. */
  text: string;
  direction: Direction;
  /** The caller's endpoint name; one without an entry in the constitution gets the base policy. */
  endpoint?: string;
}

type Tables = Readonly<Record<Direction, PrincipleTable>> & { readonly size: number };

interface Hit {
  principle: ResolvedPrinciple;
  finding: Finding;
  /** The score the principle was judged on: the fused category score for fused categories. */
  score: number;
  action: PolicyAction;
  escalated: boolean;
}

const MAX_REASON_CHARS = 300;

/**
 * Turns a SafetyGuard report into a decision under one constitution. Everything that depends only on
 * the constitution (per-endpoint overrides, lookups by category and detector) is resolved here, once;
 * `evaluate` is synchronous, allocation-light and deterministic.
 */
export class PolicyEngine {
  private readonly base: Tables;
  private readonly byEndpoint = new Map<string, Tables>();
  private readonly modifier: TextModifier;
  private readonly maxPerPrinciple: number;
  private readonly excerptChars: number;

  constructor(
    readonly constitution: Constitution,
    options: PolicyEngineOptions = {},
  ) {
    this.modifier = options.modifier ?? replaceFlaggedSpans;
    this.maxPerPrinciple = Math.max(1, options.maxViolationsPerPrinciple ?? 10);
    this.excerptChars = Math.max(16, options.excerptChars ?? DEFAULT_EXCERPT_CHARS);
    this.base = tables(resolvePrinciples(constitution));
    for (const endpoint of Object.keys(constitution.endpoints))
      this.byEndpoint.set(endpoint, tables(resolvePrinciples(constitution, endpoint)));
  }

  /** The principles in force for an endpoint and direction, overrides applied. */
  principles(direction: Direction, endpoint?: string): readonly ResolvedPrinciple[] {
    return this.tablesFor(endpoint)[direction].principles;
  }

  evaluate(report: SafetyReport, input: PolicyInput): PolicyDecision {
    const { text, direction, endpoint } = input;
    const tables = this.tablesFor(endpoint);
    const table = tables[direction];
    // Highest covered score per principle, only needed to decide whether to ask for an LLM review.
    const best = table.reviewable.length > 0 ? new Float64Array(tables.size).fill(-1) : undefined;
    const hits: Hit[] = [];
    const fused = fusedScores(report);
    for (const finding of report.findings) {
      // Attack categories are decided on all their evidence together (a rule the model corroborates, a
      // model hit it discounts); data findings such as one e-mail address stand on their own.
      const score = fused.get(finding.category) ?? finding.score;
      if (!(score >= 0)) continue;
      for (const principle of table.matching(finding)) {
        if (best && score > best[principle.index]) best[principle.index] = score;
        if (score < principle.threshold) continue;
        const escalated = principle.action === 'modify' && !modifiable(finding, text.length);
        hits.push({ principle, finding, score, action: escalated ? 'block' : principle.action, escalated });
      }
    }

    const verdict = verdictOf(hits);
    const masks = collectMasks(report.findings, text.length);
    hits.sort(compareHits);
    const violations: PolicyViolation[] = [];
    const listed = new Map<string, number>();
    const violated = new Set<string>();
    let critical = false;
    for (const hit of hits) {
      violated.add(hit.principle.id);
      if (hit.principle.priority === 'critical') critical = true;
      const count = listed.get(hit.principle.id) ?? 0;
      listed.set(hit.principle.id, count + 1);
      if (count < this.maxPerPrinciple) violations.push(this.violation(hit, text, masks));
    }

    const decision: PolicyDecision = {
      verdict,
      violations,
      omittedViolations: hits.length - violations.length,
      alert: critical,
      humanReview: critical,
      reviewRequested:
        verdict === 'block' || !best
          ? []
          : table.reviewable
              .filter((p) => !violated.has(p.id) && Math.max(0, best[p.index]) >= p.review!.minScore)
              .map((p) => p.id),
      policyVersion: this.constitution.version,
      direction,
      ...(endpoint === undefined ? {} : { endpoint }),
      masks,
    };
    if (verdict === 'modify') decision.text = this.modify(text, hits);
    return decision;
  }

  private tablesFor(endpoint: string | undefined): Tables {
    return (endpoint === undefined ? undefined : this.byEndpoint.get(endpoint)) ?? this.base;
  }

  private violation(hit: Hit, text: string, masks: readonly TextMask[]): PolicyViolation {
    const { principle, finding } = hit;
    return {
      principle: principle.id,
      priority: principle.priority,
      severity: principle.priority,
      action: hit.action,
      ...(hit.escalated ? { escalatedFrom: 'modify' as const } : {}),
      detector: finding.detector,
      category: finding.category,
      score: hit.score,
      reason: maskRepeats(finding.reason, text, masks).slice(0, MAX_REASON_CHARS),
      evidence: buildEvidence(text, finding.span, masks, this.excerptChars),
    };
  }

  private modify(text: string, hits: readonly Hit[]): string {
    const findings = new Set<Finding>();
    for (const hit of hits) if (hit.action === 'modify') findings.add(hit.finding);
    return this.modifier(text, [...findings]).text;
  }
}

/** Only a located span with a redaction label or a sanitise flag can be rewritten. */
function modifiable(finding: Finding, length: number): boolean {
  const span = finding.span;
  return (
    (finding.redaction !== undefined || finding.sanitize === true) &&
    span !== undefined &&
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= length
  );
}

function fusedScores(report: SafetyReport): Map<Category, number> {
  const scores = new Map<Category, number>();
  for (const { category, score } of report.categories)
    if (isFusedCategory(category)) scores.set(category, score);
  return scores;
}

function tables(principles: readonly ResolvedPrinciple[]): Tables {
  return {
    input: new PrincipleTable(principles, 'input'),
    output: new PrincipleTable(principles, 'output'),
    size: principles.length,
  };
}

function compareHits(a: Hit, b: Hit): number {
  return (
    ACTION_RANK[b.action] - ACTION_RANK[a.action] ||
    PRIORITY_RANK[b.principle.priority] - PRIORITY_RANK[a.principle.priority] ||
    b.score - a.score ||
    // Between equal scores, a located finding is the better evidence to show.
    Number(b.finding.span !== undefined) - Number(a.finding.span !== undefined) ||
    (a.finding.span?.start ?? 0) - (b.finding.span?.start ?? 0) ||
    a.principle.index - b.principle.index ||
    (a.finding.detector < b.finding.detector ? -1 : a.finding.detector > b.finding.detector ? 1 : 0)
  );
}
