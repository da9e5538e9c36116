import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import { ObservabilityError } from '../observability-error';

export interface MetricsOptions {
  service: string;
  instanceId: string;
  /** When false, /metrics answers 404 and process metrics are not collected; metrics still record. */
  enabled: boolean;
}

const METRIC_NAME = /^rampart_[a-z0-9_]*[a-z0-9]$/;
const LABEL_NAME = /^[a-z_][a-z0-9_]*$/;
const DEFAULT_LABELS = ['service', 'instance'];

/** Seconds; from a cache hit to a slow model call. */
export const DEFAULT_DURATION_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

type MetricClass = typeof Counter | typeof Histogram | typeof Gauge;

/**
 * The service's Prometheus registry. Every metric carries `service` and `instance`; the platform's own
 * metrics are named `rampart_*` (process and Node.js metrics keep their standard names). The factories are
 * idempotent because several modules record into the same metric and none of them owns it.
 */
export class MetricsService {
  readonly registry = new Registry();
  readonly enabled: boolean;

  constructor(options: MetricsOptions) {
    this.enabled = options.enabled;
    this.registry.setDefaultLabels({ service: options.service, instance: options.instanceId });
    // Collection starts timers and GC observers; nobody would read them with metrics off.
    if (options.enabled) collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return this.getOrCreate(Counter, name, labelNames, () => {
      return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
    });
  }

  histogram<L extends string = never>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    buckets: readonly number[] = DEFAULT_DURATION_BUCKETS,
  ): Histogram<L> {
    return this.getOrCreate(Histogram, name, labelNames, () => {
      return new Histogram<L>({ name, help, labelNames, buckets: [...buckets], registers: [this.registry] });
    });
  }

  /** `collect` runs at each scrape, for values that are read rather than counted (queue depth, pool size). */
  gauge<L extends string = never>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    collect?: (gauge: Gauge<L>) => void | Promise<void>,
  ): Gauge<L> {
    return this.getOrCreate(Gauge, name, labelNames, () => {
      return new Gauge<L>({
        name,
        help,
        labelNames,
        registers: [this.registry],
        ...(collect
          ? {
              collect: async function (this: Gauge<L>) {
                await collect(this);
              },
            }
          : {}),
      });
    });
  }

  /** Prometheus text exposition of every metric in the registry. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  private getOrCreate<M extends Metric<string>>(
    type: MetricClass,
    name: string,
    labelNames: readonly string[],
    create: () => M,
  ): M {
    const existing = this.registry.getSingleMetric(name);
    if (existing) {
      const existingLabels = (existing as unknown as { labelNames?: string[] }).labelNames ?? [];
      if (!(existing instanceof type) || !sameLabels(existingLabels, labelNames)) {
        throw new ObservabilityError(
          'OBSERVABILITY_METRIC_CONFLICT',
          `Metric ${name} already exists as a ${existing.constructor.name} with labels [${existingLabels.join(', ')}]`,
          { details: { name } },
        );
      }
      return existing as unknown as M;
    }
    validate(name, labelNames);
    return create();
  }
}

function validate(name: string, labelNames: readonly string[]): void {
  if (!METRIC_NAME.test(name)) {
    throw new ObservabilityError(
      'OBSERVABILITY_INVALID_METRIC',
      `Metric name ${name} must start with rampart_ and use lower-case letters, digits and _`,
      { details: { name } },
    );
  }
  for (const label of labelNames) {
    if (!LABEL_NAME.test(label) || label.startsWith('__') || DEFAULT_LABELS.includes(label)) {
      throw new ObservabilityError(
        'OBSERVABILITY_INVALID_METRIC',
        `Label ${label} of ${name} is invalid or reserved (service and instance are set on every metric)`,
        { details: { name, label } },
      );
    }
  }
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((label, i) => label === [...b].sort()[i]);
}
