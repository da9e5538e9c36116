import { SetMetadata } from '@nestjs/common';
import type { JobMessage, QueueDef } from '@rampart/contracts';
import type { JobContext } from './job-worker.runner';

export const JOB_PROCESSOR = 'rampart:job-processor';

export interface JobProcessorMeta {
  def: QueueDef;
  concurrency: number;
  /**
   * False for processors whose work must not run inside one database transaction (long calls to other
   * systems): they claim the job's inbox row themselves, in the transaction that records the result.
   */
  idempotent: boolean;
}

/** A provider that processes one queue; the platform starts a BullMQ worker for it. */
export interface QueueProcessor<Q extends QueueDef> {
  process(message: JobMessage<Q>, context: JobContext): Promise<void>;
  /** Jobs run at once, when it comes from configuration; the decorator's value otherwise. */
  readonly concurrency?: number;
}

/**
 * Marks a provider as the processor of a queue. The class must implement QueueProcessor for that queue,
 * so a processor for the wrong queue does not compile.
 */
export function JobProcessor<Q extends QueueDef>(
  def: Q,
  options: { concurrency?: number; idempotent?: boolean } = {},
) {
  const mark = SetMetadata(JOB_PROCESSOR, {
    def,
    concurrency: options.concurrency ?? 4,
    idempotent: options.idempotent ?? true,
  } satisfies JobProcessorMeta);
  return <T extends new (...args: never[]) => QueueProcessor<Q>>(target: T): void => {
    mark(target);
  };
}
