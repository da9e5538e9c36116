import type { Category, Direction, Finding } from '../types';
import {
  PRIORITY_ACTION,
  type Constitution,
  type PolicyAction,
  type Principle,
  type PrincipleCoverage,
  type PrincipleReview,
  type Priority,
} from './constitution';
import { PolicyError } from './policy-error';

/** A principle as it applies on one endpoint: overrides merged, defaults filled in. */
export interface ResolvedPrinciple {
  readonly id: string;
  /** Position in the table, for per-evaluation scratch arrays. */
  readonly index: number;
  readonly priority: Priority;
  readonly description: string;
  readonly covers: PrincipleCoverage;
  readonly threshold: number;
  readonly directions: readonly Direction[];
  readonly action: PolicyAction;
  readonly review?: PrincipleReview;
}

/**
 * The principles that apply on an endpoint (all of them when it has no entry), in document order, with
 * the endpoint's overrides and the default threshold and action resolved.
 */
export function resolvePrinciples(constitution: Constitution, endpoint?: string): ResolvedPrinciple[] {
  const policy = endpoint === undefined ? undefined : constitution.endpoints[endpoint];
  const known = new Set(constitution.principles.map((p) => p.id));
  for (const id of [...(policy?.disable ?? []), ...Object.keys(policy?.principles ?? {})])
    if (!known.has(id))
      throw PolicyError.invalid([
        { path: `endpoints[${JSON.stringify(endpoint)}]`, problem: `unknown principle "${id}"` },
      ]);
  const disabled = new Set(policy?.disable ?? []);
  const fallbackThreshold = policy?.blockThreshold ?? constitution.defaults.blockThreshold;
  const resolved: ResolvedPrinciple[] = [];
  for (const principle of constitution.principles) {
    if (disabled.has(principle.id)) continue;
    const merged: Principle = { ...principle, ...policy?.principles[principle.id] };
    resolved.push({
      id: merged.id,
      index: resolved.length,
      priority: merged.priority,
      description: merged.description,
      covers: merged.covers,
      threshold: merged.threshold ?? fallbackThreshold,
      directions: merged.directions,
      // An endpoint that only changes the priority gets that priority's default action, unless the
      // principle itself names an action: that is the author's explicit choice and survives.
      action: merged.action ?? PRIORITY_ACTION[merged.priority],
      ...(merged.review?.llm ? { review: merged.review } : {}),
    });
  }
  return resolved;
}

/**
 * The lookup the hot path uses for one endpoint and direction: which principles a finding can violate,
 * found by category and detector id without scanning every principle.
 */
export class PrincipleTable {
  readonly principles: readonly ResolvedPrinciple[];
  /** Principles that ask for an LLM review, in document order. */
  readonly reviewable: readonly ResolvedPrinciple[];
  private readonly byCategory = new Map<Category, ResolvedPrinciple[]>();
  private readonly byDetector = new Map<string, ResolvedPrinciple[]>();
  private readonly byPrefix: { prefix: string; principles: ResolvedPrinciple[] }[] = [];

  constructor(all: readonly ResolvedPrinciple[], direction: Direction) {
    this.principles = all.filter((p) => p.directions.includes(direction));
    this.reviewable = this.principles.filter((p) => p.review !== undefined);
    for (const principle of this.principles) {
      const categories = [
        ...principle.covers.categories,
        ...principle.covers.hazards.map((h): Category => `harmful:${h}`),
      ];
      for (const category of new Set(categories)) push(this.byCategory, category, principle);
      for (const detector of principle.covers.detectors) {
        if (!detector.endsWith('.*')) {
          push(this.byDetector, detector, principle);
          continue;
        }
        const prefix = detector.slice(0, -1);
        const entry = this.byPrefix.find((p) => p.prefix === prefix);
        if (entry) entry.principles.push(principle);
        else this.byPrefix.push({ prefix, principles: [principle] });
      }
    }
  }

  /** The principles covering a finding, each once, in document order. */
  matching(finding: Finding): readonly ResolvedPrinciple[] {
    const byCategory = this.byCategory.get(finding.category);
    const byDetector = this.byDetector.get(finding.detector);
    if (this.byPrefix.length === 0 && byDetector === undefined) return byCategory ?? NONE;
    const found = new Set<ResolvedPrinciple>(byCategory);
    for (const principle of byDetector ?? NONE) found.add(principle);
    for (const { prefix, principles } of this.byPrefix)
      if (finding.detector.startsWith(prefix)) for (const principle of principles) found.add(principle);
    return [...found].sort((a, b) => a.index - b.index);
  }
}

const NONE: readonly ResolvedPrinciple[] = [];

function push<K>(map: Map<K, ResolvedPrinciple[]>, key: K, principle: ResolvedPrinciple): void {
  const list = map.get(key);
  if (list) list.push(principle);
  else map.set(key, [principle]);
}
