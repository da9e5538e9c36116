import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Logger } from 'pino';
import {
  BusMetrics,
  JOB_PROCESSOR,
  JobWorkerRunner,
  QueueFactory,
  type JobProcessorMeta,
  type QueueProcessor,
} from '@rampart/bus';
import type { QueueDef } from '@rampart/contracts';
import { TransactionHost } from '@rampart/database';
import { LOGGER } from '@rampart/observability';

/** Finds the `@JobProcessor` providers of the application and runs a BullMQ worker for each. */
@Injectable()
export class JobProcessorExplorer {
  private readonly runners: JobWorkerRunner[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly queues: QueueFactory,
    private readonly txHost: TransactionHost,
    private readonly metrics: BusMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  start(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      const meta = wrapper.metatype
        ? (Reflect.getMetadata(JOB_PROCESSOR, wrapper.metatype) as JobProcessorMeta | undefined)
        : undefined;
      if (!meta || !instance) continue;
      const processor = instance as QueueProcessor<QueueDef>;
      const concurrency = processor.concurrency ?? meta.concurrency;
      const runner = new JobWorkerRunner(
        {
          connection: this.queues.connection,
          prefix: this.queues.prefix,
          logger: this.logger,
          metrics: this.metrics,
          txHost: this.txHost,
        },
        meta.def,
        (message, context) => processor.process(message, context),
        { concurrency, idempotent: meta.idempotent },
      );
      runner.start();
      this.runners.push(runner);
      this.logger.info({ queue: meta.def.name, concurrency }, 'started queue worker');
    }
  }

  /** Stops taking jobs and waits for the active ones. */
  async stop(): Promise<void> {
    await Promise.allSettled(this.runners.map((runner) => runner.stop()));
  }
}
