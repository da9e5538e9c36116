import type { Counter, Gauge, Histogram } from 'prom-client';
import type { MetricsService } from '@rampart/observability';

/** The adversary's own metrics (the platform adds HTTP, bus and process metrics). */
export class AdversaryMetrics {
  readonly attacks: Counter<'persona' | 'strategy' | 'target' | 'outcome'>;
  readonly duration: Histogram<'target_kind'>;
  readonly refused: Counter<'reason'>;
  readonly inFlight: Gauge;

  constructor(metrics: MetricsService) {
    this.attacks = metrics.counter('rampart_adversary_attacks_total', 'Attacks run, by outcome.', [
      'persona',
      'strategy',
      'target',
      'outcome',
    ]);
    this.duration = metrics.histogram(
      'rampart_adversary_attack_duration_seconds',
      'Time to run one attack (all its turns and judges).',
      ['target_kind'],
      [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    );
    this.refused = metrics.counter(
      'rampart_adversary_guard_refusals_total',
      'Attacks held back by an amplification guard.',
      ['reason'],
    );
    this.inFlight = metrics.gauge('rampart_adversary_attacks_in_flight', 'Attacks running in this process.');
  }
}
