import { Inject } from '@nestjs/common';
import { JobDeferredError, JobProcessor, type JobContext, type QueueProcessor } from '@rampart/bus';
import { ADVERSARY_ATTACKS_QUEUE, type JobMessage } from '@rampart/contracts';
import { ADVERSARY_SETTINGS, type AdversarySettings } from '../config/adversary.config';
import { toAttackCommand } from '../dtos/attack-command';
import { AdversaryError } from '../services/adversary-error';
import { AttackService } from '../services/attack.service';

/**
 * Queued attacks (campaign runs). Not run inside one transaction (idempotent: false): an attack talks to
 * its target for seconds, so it records its result in its own transaction with the job's inbox row, and
 * a job re-run after a crash is counted once. A guard refusal defers the job instead of failing it.
 */
@JobProcessor(ADVERSARY_ATTACKS_QUEUE, { idempotent: false })
export class RunAttackProcessor implements QueueProcessor<typeof ADVERSARY_ATTACKS_QUEUE> {
  readonly concurrency: number;

  constructor(
    private readonly attacks: AttackService,
    @Inject(ADVERSARY_SETTINGS) settings: AdversarySettings,
  ) {
    this.concurrency = settings.workerConcurrency;
  }

  async process(job: JobMessage<typeof ADVERSARY_ATTACKS_QUEUE>, context: JobContext): Promise<void> {
    if (!job.attack) throw AdversaryError.invalid('attack', 'is required');
    // A queued attack without a seed would get a new one on every retry; fix it to the job.
    const command = toAttackCommand(job.attack, {
      ...(job.runId ? { runId: job.runId } : {}),
      seed: context.jobId,
    });
    try {
      await this.attacks.run(command, {
        waitForAdmission: false,
        inbox: { consumer: `queue:${context.queue}`, messageId: context.jobId, subject: context.queue },
      });
    } catch (error) {
      if (error instanceof AdversaryError && error.code === 'ADVERSARY_GUARDED') {
        const retryAfter = Number(error.details?.retry_after_ms ?? 1_000);
        throw new JobDeferredError(Math.max(50, retryAfter), error.message);
      }
      throw error;
    }
  }
}
