import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { toJsonValue, type JobData, type QueueDef } from '@rampart/contracts';
import { currentContext, injectTraceContext, newCorrelationId } from '@rampart/observability';
import type { BusNaming } from '../bus-naming';
import type { JobEnvelope } from './job-envelope';

export interface EnqueueOptions {
  /** Idempotency: a job with an id that already exists is not added again. */
  jobId?: string;
  delayMs?: number;
  priority?: number;
}

/** Jobs kept after they finish, so an operator can look at recent ones without Redis filling up. */
const KEEP_COMPLETED = { age: 24 * 3600, count: 1_000 };
const KEEP_FAILED = { age: 7 * 24 * 3600 };

/**
 * Typed BullMQ queues: a job's data must match its queue's schema at compile time, and carries the
 * correlation and trace it was enqueued in.
 */
export class QueueFactory {
  private readonly queues = new Map<string, Queue>();

  constructor(
    readonly connection: Redis,
    private readonly naming: BusNaming,
    private readonly service: string,
  ) {}

  /** A Redis connection suitable for queues and workers (BullMQ needs maxRetriesPerRequest: null). */
  static connect(url: string): Redis {
    const redis = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: true });
    // Errors also surface through readiness; without a listener ioredis would print each one.
    redis.on('error', () => undefined);
    return redis;
  }

  get prefix(): string {
    return this.naming.queuePrefix();
  }

  queue(def: QueueDef): Queue {
    let queue = this.queues.get(def.name);
    if (!queue) {
      queue = new Queue(def.name, { connection: this.connection, prefix: this.prefix });
      this.queues.set(def.name, queue);
    }
    return queue;
  }

  async enqueue<Q extends QueueDef>(def: Q, data: JobData<Q>, options: EnqueueOptions = {}): Promise<string> {
    const context = currentContext();
    const trace: Record<string, string> = {};
    injectTraceContext(trace);
    const envelope: JobEnvelope = {
      payload: toJsonValue(def.schema, data),
      meta: {
        correlationId: context?.correlationId ?? newCorrelationId(),
        causationId: context?.messageId ?? context?.causationId,
        traceparent: trace.traceparent,
        tracestate: trace.tracestate,
        enqueuedBy: this.service,
        enqueuedAt: new Date().toISOString(),
      },
    };
    const jobOptions: JobsOptions = {
      jobId: options.jobId,
      delay: options.delayMs,
      priority: options.priority,
      attempts: def.attempts,
      backoff: { type: 'exponential', delay: def.backoffMs, jitter: 0.2 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    };
    const job = await this.queue(def).add(def.name, envelope, jobOptions);
    return job.id ?? options.jobId ?? '';
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
