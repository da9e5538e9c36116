import { SpanKind } from '@opentelemetry/api';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { TransactionHost } from '@rampart/database';
import { fromJsonValue, isRampartError, type JobMessage, type QueueDef } from '@rampart/contracts';
import { extractTraceContext, maskSecrets, runWithContext, withSpan } from '@rampart/observability';
import type { BusLogger } from '../bus-logger';
import type { BusMetrics } from '../bus-metrics';
import { claimInbox } from '../inbox/inbox';
import { JobDeferredError } from './job-deferred.error';
import type { JobEnvelope } from './job-envelope';

export interface JobContext {
  jobId: string;
  queue: string;
  /** 1 on the first try. */
  attempt: number;
  meta: JobEnvelope['meta'];
}

export type JobHandler<Q extends QueueDef> = (message: JobMessage<Q>, context: JobContext) => Promise<void>;

export interface JobWorkerDeps {
  connection: Redis;
  prefix: string;
  logger: BusLogger;
  metrics?: BusMetrics;
  /** With it, each job's effects commit in one transaction with an inbox row, so a rerun is skipped. */
  txHost?: TransactionHost;
}

export interface JobWorkerOptions {
  concurrency?: number;
  /** Skip jobs whose id already committed (default true when a transaction host is given). */
  idempotent?: boolean;
}

/**
 * A BullMQ worker for one queue: validates each job against the queue's schema (a job that does not match
 * can never succeed and fails at once, without retries), continues the job's correlation and trace, and
 * turns non-retryable Rampart errors into BullMQ's UnrecoverableError. Jobs of a worker that crashed are
 * picked up again by BullMQ's stalled-job check.
 */
export class JobWorkerRunner<Q extends QueueDef = QueueDef> {
  private worker?: Worker<JobEnvelope>;

  constructor(
    private readonly deps: JobWorkerDeps,
    readonly def: Q,
    private readonly handler: JobHandler<Q>,
    private readonly options: JobWorkerOptions = {},
  ) {}

  start(): void {
    const worker = new Worker<JobEnvelope>(this.def.name, (job, token) => this.run(job, token), {
      connection: this.deps.connection,
      prefix: this.deps.prefix,
      concurrency: this.options.concurrency ?? 4,
    });
    worker.on('failed', (job, error) => {
      const final =
        !job || error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      this.deps.metrics?.jobs.inc({ queue: this.def.name, outcome: final ? 'failed' : 'retried' });
      this.deps.logger.warn(
        { err: error, queue: this.def.name, job_id: job?.id, attempt: job?.attemptsMade, final },
        final ? 'job failed for good' : 'job failed; will retry',
      );
    });
    worker.on('completed', () => this.deps.metrics?.jobs.inc({ queue: this.def.name, outcome: 'completed' }));
    worker.on('error', (error) =>
      this.deps.logger.error({ err: error, queue: this.def.name }, 'worker error'),
    );
    this.worker = worker;
  }

  /** Stops taking jobs and waits for the active ones to finish. */
  async stop(): Promise<void> {
    await this.worker?.close();
  }

  /**
   * A job whose effects committed but whose completion never reached Redis (a crash in between) runs
   * again; its inbox row makes that second run a no-op.
   */
  private async invoke(message: JobMessage<Q>, context: JobContext): Promise<void> {
    const { txHost } = this.deps;
    if (!txHost || this.options.idempotent === false || !context.jobId) return this.handler(message, context);
    await txHost.run(async (tx) => {
      if (await claimInbox(tx, `queue:${this.def.name}`, context.jobId, this.def.name)) {
        await this.handler(message, context);
      }
    });
  }

  private async run(job: Job<JobEnvelope>, token?: string): Promise<void> {
    const started = performance.now();
    const meta = job.data?.meta;
    if (!meta || job.data.payload === undefined) {
      throw new UnrecoverableError(`Job ${job.id} on ${this.def.name} has no Rampart envelope`);
    }
    let message: JobMessage<Q>;
    try {
      message = fromJsonValue(
        this.def.schema,
        job.data.payload,
        `queue ${this.def.name}`,
        meta.correlationId,
      ) as JobMessage<Q>;
    } catch (error) {
      throw new UnrecoverableError((error as Error).message);
    }
    const context: JobContext = {
      jobId: job.id ?? '',
      queue: this.def.name,
      attempt: job.attemptsMade + 1,
      meta,
    };
    try {
      await withSpan(
        `${this.def.name} process`,
        {
          kind: SpanKind.CONSUMER,
          parent: extractTraceContext({ traceparent: meta.traceparent, tracestate: meta.tracestate }),
          attributes: {
            'messaging.system': 'bullmq',
            'messaging.destination.name': this.def.name,
            'messaging.message.id': context.jobId,
          },
        },
        () =>
          runWithContext(
            {
              correlationId: meta.correlationId,
              causationId: context.jobId,
              messageId: context.jobId,
              subject: this.def.name,
            },
            () => this.invoke(message, context),
          ),
      );
    } catch (error) {
      if (error instanceof JobDeferredError) {
        await job.moveToDelayed(Date.now() + error.delayMs, token);
        this.deps.metrics?.jobs.inc({ queue: this.def.name, outcome: 'deferred' });
        throw new DelayedError(error.message);
      }
      if (isRampartError(error) && !error.retryable) {
        throw new UnrecoverableError(maskSecrets(`${error.code}: ${error.message}`));
      }
      throw error;
    } finally {
      this.deps.metrics?.jobDuration.observe({ queue: this.def.name }, (performance.now() - started) / 1000);
    }
  }
}
