import type { Direction, SafetyReport } from '@rampart/safety';

/** One violated principle, as the decision reports it. */
export interface PolicyViolation {
  principle: string;
  severity: 'critical' | 'high' | 'medium' | 'low';
  action: 'block' | 'modify' | 'warn' | 'log';
  detector: string;
  category: string;
  score: number;
  evidence: { start: number; end: number; excerpt: string };
}

export interface PolicyOutcome {
  verdict: 'allow' | 'modify' | 'block';
  violations: PolicyViolation[];
  /** The modified text when the verdict is modify. */
  text?: string;
  alert: boolean;
  humanReview: boolean;
  /** The modified text is the LLM critic's revision (model output), not the detectors' redaction. */
  revisedByCritic?: boolean;
}

export interface EvaluateOptions {
  /**
   * Ask the LLM critic where a principle requests it (default true). Off when re-checking a redaction the
   * critic has already reviewed: it saw the text with the same spans masked, so asking again only doubles
   * the cost and, with a slow endpoint, the latency.
   */
  review?: boolean;
}

/** A constitution compiled for evaluation, tagged with its stored version. */
export interface CompiledPolicy {
  version: number;
  label: string;
  evaluate(
    report: SafetyReport,
    input: { text: string; direction: Direction; endpoint?: string },
    options?: EvaluateOptions,
  ): Promise<PolicyOutcome>;
}

/** Turns a stored YAML document into a CompiledPolicy; throws a coded error that names what is wrong. */
export interface PolicyCompiler {
  compile(document: string, version: number): CompiledPolicy;
  /** The constitution shipped with the service, seeded as the first stable version. */
  defaultDocument(): string;
}

export const POLICY_COMPILER = Symbol('POLICY_COMPILER');
