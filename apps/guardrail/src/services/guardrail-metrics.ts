import type { Counter, Histogram } from 'prom-client';
import type { MetricsService } from '@rampart/observability';

const FAST_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/** The guardrail's own metrics (the platform adds HTTP, bus and process metrics). */
export class GuardrailMetrics {
  readonly decisions: Counter<'verdict' | 'direction' | 'policy_version' | 'track'>;
  readonly categories: Counter<'category' | 'verdict'>;
  readonly latency: Histogram<'direction'>;
  readonly detectorLatency: Histogram<'detector'>;
  readonly invalid: Counter<'reason'>;
  readonly refused: Counter<'reason'>;
  readonly degraded: Counter<'dependency'>;

  constructor(metrics: MetricsService) {
    this.decisions = metrics.counter('rampart_guardrail_decisions_total', 'Guardrail decisions.', [
      'verdict',
      'direction',
      'policy_version',
      'track',
    ]);
    this.categories = metrics.counter(
      'rampart_guardrail_category_findings_total',
      'Decisions by category found.',
      ['category', 'verdict'],
    );
    this.latency = metrics.histogram(
      'rampart_guardrail_check_duration_seconds',
      'Time to check one text, from receipt to decision.',
      ['direction'],
      FAST_BUCKETS,
    );
    this.detectorLatency = metrics.histogram(
      'rampart_guardrail_detector_duration_seconds',
      'Time each detector took on one text.',
      ['detector'],
      FAST_BUCKETS,
    );
    this.invalid = metrics.counter(
      'rampart_guardrail_invalid_requests_total',
      'Check requests refused as invalid.',
      ['reason'],
    );
    this.refused = metrics.counter(
      'rampart_guardrail_refused_total',
      'Checks refused by rate limit or quota.',
      ['reason'],
    );
    this.degraded = metrics.counter(
      'rampart_guardrail_degraded_total',
      'Checks that went ahead without a dependency (rate limits and multi-turn risk skipped).',
      ['dependency'],
    );
  }
}
