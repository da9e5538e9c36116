import type { Counter, Histogram } from 'prom-client';
import type { MetricsService } from '@rampart/observability';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The bus's own metrics; one instance per service, shared by publishers, consumers and workers. */
export class BusMetrics {
  readonly published: Counter<'subject' | 'outcome'>;
  readonly consumed: Counter<'subject' | 'consumer' | 'outcome'>;
  readonly handleDuration: Histogram<'subject' | 'consumer'>;
  readonly deadLettered: Counter<'subject' | 'consumer' | 'reason'>;
  readonly requests: Counter<'subject' | 'outcome'>;
  readonly requestDuration: Histogram<'subject'>;
  readonly outboxPublished: Counter<'outcome'>;
  readonly outboxLag: Histogram<never>;
  readonly jobs: Counter<'queue' | 'outcome'>;
  readonly jobDuration: Histogram<'queue'>;

  constructor(metrics: MetricsService) {
    this.published = metrics.counter('rampart_bus_published_total', 'Events published to JetStream.', [
      'subject',
      'outcome',
    ]);
    this.consumed = metrics.counter(
      'rampart_bus_consumed_total',
      'Events handled by durable consumers (ok, duplicate, retry, dead_letter).',
      ['subject', 'consumer', 'outcome'],
    );
    this.handleDuration = metrics.histogram(
      'rampart_bus_handle_duration_seconds',
      'Time to handle one event, including its transaction.',
      ['subject', 'consumer'],
      LATENCY_BUCKETS,
    );
    this.deadLettered = metrics.counter(
      'rampart_bus_dead_lettered_total',
      'Messages moved to the dead-letter stream.',
      ['subject', 'consumer', 'reason'],
    );
    this.requests = metrics.counter('rampart_rpc_requests_total', 'Requests answered over NATS.', [
      'subject',
      'outcome',
    ]);
    this.requestDuration = metrics.histogram(
      'rampart_rpc_request_duration_seconds',
      'Time to answer one NATS request.',
      ['subject'],
      LATENCY_BUCKETS,
    );
    this.outboxPublished = metrics.counter(
      'rampart_outbox_published_total',
      'Outbox rows relayed to JetStream.',
      ['outcome'],
    );
    this.outboxLag = metrics.histogram(
      'rampart_outbox_lag_seconds',
      'Time from commit of an outbox row to its publication.',
      [],
      LATENCY_BUCKETS,
    );
    this.jobs = metrics.counter('rampart_jobs_total', 'BullMQ jobs processed (completed, failed, retried).', [
      'queue',
      'outcome',
    ]);
    this.jobDuration = metrics.histogram(
      'rampart_job_duration_seconds',
      'Time to process one BullMQ job.',
      ['queue'],
      LATENCY_BUCKETS,
    );
  }
}
