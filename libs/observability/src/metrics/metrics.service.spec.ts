import { ObservabilityError } from '../observability-error';
import { MetricsService } from './metrics.service';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('MetricsService', () => {
  const service = (enabled = true) =>
    new MetricsService({ service: 'guard', instanceId: 'guard-7', enabled });

  it('labels every metric with service and instance', async () => {
    const metrics = service(false);
    metrics.counter('rampart_guard_checks_total', 'Checks', ['verdict']).inc({ verdict: 'allow' });
    expect(await metrics.metrics()).toContain(
      'rampart_guard_checks_total{verdict="allow",service="guard",instance="guard-7"} 1',
    );
  });

  it('collects process metrics under their standard names when enabled', async () => {
    const text = await service(true).metrics();
    expect(text).toContain('process_cpu_user_seconds_total{service="guard",instance="guard-7"}');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('does not collect process metrics when disabled', async () => {
    expect(await service(false).metrics()).not.toContain('process_cpu_user_seconds_total');
  });

  it('returns the same metric when asked twice for the same name, so modules can share it', () => {
    const metrics = service(false);
    const first = metrics.counter('rampart_jobs_total', 'Jobs', ['queue']);
    const second = metrics.counter('rampart_jobs_total', 'Jobs', ['queue']);
    expect(second).toBe(first);
    const histogram = metrics.histogram('rampart_job_seconds', 'Job time', ['queue']);
    expect(metrics.histogram('rampart_job_seconds', 'Job time', ['queue'])).toBe(histogram);
    const gauge = metrics.gauge('rampart_queue_depth', 'Depth', ['queue']);
    expect(metrics.gauge('rampart_queue_depth', 'Depth', ['queue'])).toBe(gauge);
  });

  it('refuses a name without the rampart_ prefix', () => {
    const metrics = service(false);
    expect(() => metrics.counter('http_requests_total', 'x')).toThrow(ObservabilityError);
    expect(() => metrics.histogram('guard_seconds', 'x')).toThrow(/must start with rampart_/);
    expect(() => metrics.gauge('Rampart_depth', 'x')).toThrow(ObservabilityError);
  });

  it('refuses the labels every metric already carries', () => {
    expect(() => service(false).counter('rampart_x_total', 'x', ['service'])).toThrow(/reserved/);
    expect(() => service(false).counter('rampart_y_total', 'x', ['instance'])).toThrow(/reserved/);
  });

  it('refuses the same name with another type or other labels', () => {
    const metrics = service(false);
    metrics.counter('rampart_events_total', 'Events', ['kind']);
    expect(thrown(() => metrics.gauge('rampart_events_total', 'Events', ['kind']))).toMatchObject({
      code: 'OBSERVABILITY_METRIC_CONFLICT',
    });
    expect(thrown(() => metrics.counter('rampart_events_total', 'Events', ['other']))).toMatchObject({
      code: 'OBSERVABILITY_METRIC_CONFLICT',
    });
  });

  it('uses the given histogram buckets', async () => {
    const metrics = service(false);
    metrics.histogram('rampart_size_bytes', 'Sizes', [], [10, 100]).observe(50);
    const text = await metrics.metrics();
    expect(text).toContain('rampart_size_bytes_bucket{le="10",service="guard",instance="guard-7"} 0');
    expect(text).toContain('rampart_size_bytes_bucket{le="100",service="guard",instance="guard-7"} 1');
  });

  it('calls a gauge collect function at each scrape', async () => {
    const metrics = service(false);
    let depth = 3;
    metrics.gauge('rampart_outbox_pending', 'Pending outbox rows', [], async (gauge) => gauge.set(depth));
    expect(await metrics.metrics()).toContain('rampart_outbox_pending{service="guard",instance="guard-7"} 3');
    depth = 5;
    expect(await metrics.metrics()).toContain('rampart_outbox_pending{service="guard",instance="guard-7"} 5');
  });

  it('keeps separate services apart (one registry each, not the global one)', async () => {
    const a = service(false);
    const b = new MetricsService({ service: 'other', instanceId: 'o-1', enabled: false });
    a.counter('rampart_only_in_a_total', 'x').inc();
    expect(await b.metrics()).not.toContain('rampart_only_in_a_total');
  });

  it('exposes the Prometheus text content type', () => {
    expect(service(false).contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});
