import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { GuardrailSettings } from '../config/guardrail.config';
import type { PolicyVersionRepository } from '../repositories/policy-version.repository';
import type { DecisionStats, WindowStats } from './decision-stats';
import type { PolicyRolloutService } from './policy-rollout.service';
import type { PolicyStore } from './policy-store.service';

/** Latency differences below this are noise at these speeds, whatever the ratio. */
const LATENCY_NOISE_MS = 2;

export interface CanaryVerdict {
  rollback: boolean;
  reason?: string;
  canary?: WindowStats & { falsePositives: number };
  stable?: WindowStats;
}

/**
 * Compares the candidate policy (shadow or canary) with stable over a sliding window and rolls the
 * candidate back when a trigger is crossed: block rate too far above stable's, p95 latency too many times
 * stable's, or too many reported false positives. One replica at a time runs the comparison (a Redis lock).
 */
export class CanaryMonitor {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly deps: {
      redis: Redis;
      prefix: string;
      instanceId: string;
      settings: GuardrailSettings['canary'];
      store: PolicyStore;
      stats: DecisionStats;
      versions: PolicyVersionRepository;
      rollout: PolicyRolloutService;
      logger: Logger;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.settings.checkIntervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Evaluates the triggers for the current candidate; public for tests and for the admin API. */
  async evaluate(now = Date.now()): Promise<CanaryVerdict> {
    const candidate = this.deps.store.candidateState;
    const stableVersion = this.deps.store.stableVersion;
    if (!candidate || stableVersion === undefined) return { rollback: false };
    const { settings, stats } = this.deps;
    const [canary, stable, falsePositives] = await Promise.all([
      stats.window(candidate.version, settings.windowMs, now),
      stats.window(stableVersion, settings.windowMs, now),
      this.deps.versions.countFalsePositives(candidate.version, new Date(now - settings.windowMs)),
    ]);
    const canaryStats = { ...canary, falsePositives };
    if (falsePositives > settings.maxFalsePositives) {
      return {
        rollback: true,
        reason: `${falsePositives} false positives reported in the window (limit ${settings.maxFalsePositives})`,
        canary: canaryStats,
        stable,
      };
    }
    if (canary.decisions < settings.minDecisions || stable.decisions < settings.minDecisions) {
      return { rollback: false, canary: canaryStats, stable };
    }
    const blockDelta = canary.blockRate - stable.blockRate;
    if (blockDelta > settings.maxBlockRateDelta) {
      return {
        rollback: true,
        reason: `blocks ${(canary.blockRate * 100).toFixed(1)}% vs stable ${(stable.blockRate * 100).toFixed(1)}% (limit +${(settings.maxBlockRateDelta * 100).toFixed(1)} points)`,
        canary: canaryStats,
        stable,
      };
    }
    const slower = canary.p95LatencyMs - stable.p95LatencyMs;
    if (
      stable.p95LatencyMs > 0 &&
      slower > LATENCY_NOISE_MS &&
      canary.p95LatencyMs > settings.maxLatencyRatio * stable.p95LatencyMs
    ) {
      return {
        rollback: true,
        reason: `p95 latency ${canary.p95LatencyMs} ms vs stable ${stable.p95LatencyMs} ms (limit ${settings.maxLatencyRatio}×)`,
        canary: canaryStats,
        stable,
      };
    }
    return { rollback: false, canary: canaryStats, stable };
  }

  private async tick(): Promise<void> {
    try {
      const lock = `${this.deps.prefix}:canary-monitor`;
      const leader = await this.deps.redis.set(
        lock,
        this.deps.instanceId,
        'PX',
        this.deps.settings.checkIntervalMs,
        'NX',
      );
      if (leader !== 'OK') return;
      const candidate = this.deps.store.candidateState;
      const verdict = await this.evaluate();
      if (!candidate || !verdict.rollback || !verdict.canary || !verdict.stable) return;
      this.deps.logger.warn(
        { version: candidate.version, reason: verdict.reason },
        'canary crossed a trigger; rolling back',
      );
      await this.deps.rollout.rollback(
        candidate.version,
        verdict.reason ?? 'canary trigger',
        'automatic',
        'service:guardrail',
        {
          canary: numbers(verdict.canary),
          stable: numbers(verdict.stable),
        },
      );
    } catch (error) {
      this.deps.logger.error({ err: error }, 'canary comparison failed');
    }
  }
}

function numbers(stats: object): Record<string, number> {
  return Object.fromEntries(Object.entries(stats).filter(([, v]) => typeof v === 'number'));
}
