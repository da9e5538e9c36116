import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Semaphore } from '@rampart/bus';
import type { AttackRunner, AttackTarget, GeneratedAttack, RefineLoop, RefineRun } from '@rampart/redteam';
import { AdversaryError } from './adversary-error';
import type { AdversaryMetrics } from './adversary-metrics';
import type { AmplificationGuard } from './amplification-guard';
import { toAttackCompleted, type AttackCompletedData } from './attack-result.mapper';
import type { AttackResultRecorder, InboxClaim } from './attack-result.recorder';
import type { RedteamCatalog } from './redteam-catalog.service';
import type { AttackCommand, BatchCommand } from '../dtos/attack-command';

export interface AttackServiceDeps {
  catalog: RedteamCatalog;
  runner: AttackRunner;
  /** Present when an attacker model is configured. */
  refiner?: RefineLoop;
  maxRefineIterations: number;
  guard: AmplificationGuard;
  recorder: AttackResultRecorder;
  metrics: AdversaryMetrics;
  logger: Logger;
  maxBatch: number;
}

/** How long an ad-hoc call waits for a free slot or a token before it answers "try later". */
const ADMISSION_WAIT_MS = 5_000;
const BATCH_CONCURRENCY = 16;

/**
 * Runs attacks: generates them (or regenerates from a replay key), admits each through the amplification
 * guards, sends it to its target, and records the result (AttackResultRecorder: the event and its audit
 * entry in one transaction).
 */
export class AttackService {
  constructor(private readonly deps: AttackServiceDeps) {}

  /**
   * One attack. `waitForAdmission` false makes a guard refusal an immediate error (the queue processor
   * defers the job instead). With `inbox`, the result is recorded only the first time that message id
   * completes, so a job that re-runs after a crash is counted once.
   */
  async run(
    command: AttackCommand,
    options: { waitForAdmission?: boolean; inbox?: InboxClaim } = {},
  ): Promise<AttackCompletedData> {
    const refine = command.refineIterations ?? 0;
    if (refine > 0 && !this.deps.refiner) {
      throw AdversaryError.invalid(
        'refine_iterations',
        'needs an attacker model (set ADVERSARY_ATTACKER_LLM_BASE_URL)',
      );
    }
    if (refine > this.deps.maxRefineIterations) {
      throw AdversaryError.invalid(
        'refine_iterations',
        `at most ${this.deps.maxRefineIterations} (ADVERSARY_MAX_REFINE_ITERATIONS)`,
      );
    }
    const attack = this.generate(command);
    const target = this.deps.catalog.target(command.target);
    return this.execute(attack, target, command, options.waitForAdmission ?? true, options.inbox);
  }

  async runBatch(command: BatchCommand): Promise<AttackCompletedData[]> {
    if (command.count > this.deps.maxBatch) {
      throw new AdversaryError(
        'ADVERSARY_BATCH_TOO_LARGE',
        `count: ${command.count} attacks asked, at most ${this.deps.maxBatch} per batch; use a campaign for more`,
        { details: { field: 'count', limit: this.deps.maxBatch } },
      );
    }
    const attacks = this.deps.catalog.generator.generateMany({
      persona: command.persona,
      ...(command.strategy ? { strategy: command.strategy } : {}),
      seed: command.seed,
      count: command.count,
    });
    const target = this.deps.catalog.target(command.target);
    const slots = new Semaphore(BATCH_CONCURRENCY);
    return Promise.all(
      attacks.map(async (attack) => {
        await slots.acquire();
        try {
          return await this.execute(attack, target, command, true);
        } finally {
          slots.release();
        }
      }),
    );
  }

  generate(command: AttackCommand): GeneratedAttack {
    const { generator } = this.deps.catalog;
    if (command.replayKey) return generator.replay(command.replayKey);
    return generator.generate({
      persona: command.persona as string,
      seed: command.seed as string,
      ...(command.strategy ? { strategy: command.strategy } : {}),
      ...(command.goal ? { goal: command.goal } : {}),
    });
  }

  private async execute(
    attack: GeneratedAttack,
    target: AttackTarget,
    origin: { campaignId?: string; runId?: string; refineIterations?: number },
    waitForAdmission: boolean,
    inbox?: InboxClaim,
  ): Promise<AttackCompletedData> {
    const lease = await this.admit(target.id, waitForAdmission);
    this.deps.metrics.inFlight.inc();
    let data: AttackCompletedData;
    try {
      const context = {
        persona: this.deps.catalog.personas.get(attack.persona),
        goal: this.deps.catalog.goals.get(attack.goal.id),
        // Fresh per attempt: the guardrail keeps per-conversation risk, and a replay must start clean.
        conversationId: `adv-${attack.attackId}-${randomUUID().slice(0, 8)}`,
      };
      let refined: RefineRun | undefined;
      if (origin.refineIterations && this.deps.refiner) {
        refined = await this.deps.refiner.run(attack, target, context, origin.refineIterations);
      }
      const result = refined?.final ?? (await this.deps.runner.run(attack, target, context));
      data = toAttackCompleted(result, origin, refined);
    } finally {
      this.deps.metrics.inFlight.dec();
      await this.deps.guard.release(lease);
    }
    if (data.success && data.severity === 'critical') {
      await this.deps.guard.coolDown(target.id, `critical success of ${data.persona} (${data.attackId})`);
      this.deps.logger.warn(
        { target: target.id, persona: data.persona, attack_id: data.attackId },
        'critical attack succeeded; target cooling down',
      );
    }
    if (!(await this.deps.recorder.record(data, inbox))) return data;
    this.deps.metrics.attacks.inc({
      persona: data.persona,
      strategy: data.strategy.join(','),
      target: data.target,
      outcome: data.success ? 'success' : 'failure',
    });
    this.deps.metrics.duration.observe({ target_kind: data.targetKind }, data.latencyMs / 1000);
    return data;
  }

  private async admit(target: string, wait: boolean): Promise<string> {
    const deadline = Date.now() + (wait ? ADMISSION_WAIT_MS : 0);
    for (;;) {
      const admission = await this.deps.guard.admit(target);
      if (admission.admitted) return admission.lease;
      this.deps.metrics.refused.inc({ reason: admission.reason });
      if (admission.reason === 'cooldown' || Date.now() + admission.retryAfterMs > deadline) {
        throw new AdversaryError(
          'ADVERSARY_GUARDED',
          admission.reason === 'cooldown'
            ? `Target "${target}" is cooling down after a critical success; try again in ${Math.ceil(admission.retryAfterMs / 1000)} s`
            : `Too many attacks (${admission.reason === 'rate' ? 'per-target rate limit' : 'concurrent attack limit'}); try again shortly`,
          { details: { reason: admission.reason, retry_after_ms: admission.retryAfterMs } },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, admission.retryAfterMs));
    }
  }
}
