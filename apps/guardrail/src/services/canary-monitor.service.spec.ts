import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { GuardrailSettings } from '../config/guardrail.config';
import type { PolicyVersionRepository } from '../repositories/policy-version.repository';
import { CanaryMonitor } from './canary-monitor.service';
import type { DecisionStats, WindowStats } from './decision-stats';
import type { PolicyRolloutService } from './policy-rollout.service';
import type { PolicyStore } from './policy-store.service';

const SETTINGS: GuardrailSettings['canary'] = {
  windowMs: 300_000,
  minDecisions: 200,
  maxBlockRateDelta: 0.05,
  maxLatencyRatio: 2,
  maxFalsePositives: 5,
  checkIntervalMs: 15_000,
};
const NOW = 1_800_000_000_000;
const STABLE = 1;
const CANDIDATE = 2;

function stats(decisions: number, blocks: number, p95LatencyMs = 1): WindowStats {
  return { decisions, blocks, blockRate: decisions > 0 ? blocks / decisions : 0, p95LatencyMs };
}

/** In-memory stand-ins for what the monitor reads: the routed versions, the window stats, the reports. */
function monitorOf(world: {
  candidate?: { stage: 'shadow' | 'canary'; percent: number } | null;
  stableVersion?: number | null;
  windows?: Record<number, WindowStats>;
  falsePositives?: number;
}) {
  const calls: { windows: [number, number, number][]; falsePositivesSince: [number, Date][] } = {
    windows: [],
    falsePositivesSince: [],
  };
  const candidate =
    world.candidate === undefined ? { stage: 'canary' as const, percent: 5 } : world.candidate;
  const store = {
    candidateState: candidate ? { version: CANDIDATE, ...candidate } : undefined,
    stableVersion: world.stableVersion === undefined ? STABLE : (world.stableVersion ?? undefined),
  } as unknown as PolicyStore;
  const decisionStats = {
    window: (version: number, windowMs: number, now: number) => {
      calls.windows.push([version, windowMs, now]);
      return Promise.resolve(world.windows?.[version] ?? stats(0, 0, 0));
    },
  } as unknown as DecisionStats;
  const versions = {
    countFalsePositives: (version: number, since: Date) => {
      calls.falsePositivesSince.push([version, since]);
      return Promise.resolve(world.falsePositives ?? 0);
    },
  } as unknown as PolicyVersionRepository;
  const monitor = new CanaryMonitor({
    // The trigger logic never touches Redis, the rollout or the logger; tick() does.
    redis: undefined as unknown as Redis,
    prefix: 'test',
    instanceId: 'test-1',
    settings: SETTINGS,
    store,
    stats: decisionStats,
    versions,
    rollout: undefined as unknown as PolicyRolloutService,
    logger: undefined as unknown as Logger,
  });
  return { monitor, calls };
}

describe('canary monitor triggers', () => {
  it('compares nothing while there is no candidate or no stable version', async () => {
    await expect(monitorOf({ candidate: null }).monitor.evaluate(NOW)).resolves.toEqual({ rollback: false });
    await expect(monitorOf({ stableVersion: null }).monitor.evaluate(NOW)).resolves.toEqual({
      rollback: false,
    });
  });

  it('reads both versions and the false-positive reports over the configured window', async () => {
    const { monitor, calls } = monitorOf({});
    await monitor.evaluate(NOW);
    expect(calls.windows.sort()).toEqual([
      [STABLE, SETTINGS.windowMs, NOW],
      [CANDIDATE, SETTINGS.windowMs, NOW],
    ]);
    expect(calls.falsePositivesSince).toEqual([[CANDIDATE, new Date(NOW - SETTINGS.windowMs)]]);
  });

  it('rolls back on a block rate more than the allowed delta above stable, with both sides’ figures', async () => {
    const canary = stats(200, 24);
    const stable = stats(1_000, 50);
    const verdict = await monitorOf({ windows: { [CANDIDATE]: canary, [STABLE]: stable } }).monitor.evaluate(
      NOW,
    );
    expect(verdict).toEqual({
      rollback: true,
      reason: 'blocks 12.0% vs stable 5.0% (limit +5.0 points)',
      canary: { ...canary, falsePositives: 0 },
      stable,
    });
  });

  it('keeps a canary whose block rate is above stable’s by no more than the allowed delta', async () => {
    const verdict = await monitorOf({
      windows: { [CANDIDATE]: stats(200, 20), [STABLE]: stats(1_000, 50) },
    }).monitor.evaluate(NOW);
    expect(verdict).toMatchObject({
      rollback: false,
      canary: { blockRate: 0.1 },
      stable: { blockRate: 0.05 },
    });
  });

  it('does not judge block rate or latency until both versions have the minimum number of decisions', async () => {
    const tooFewOnCanary = monitorOf({
      windows: { [CANDIDATE]: stats(199, 199, 500), [STABLE]: stats(1_000, 0, 1) },
    });
    await expect(tooFewOnCanary.monitor.evaluate(NOW)).resolves.toMatchObject({ rollback: false });
    const tooFewOnStable = monitorOf({
      windows: { [CANDIDATE]: stats(1_000, 1_000, 500), [STABLE]: stats(199, 0, 1) },
    });
    await expect(tooFewOnStable.monitor.evaluate(NOW)).resolves.toMatchObject({ rollback: false });
  });

  it('rolls back on too many false-positive reports even before there are enough decisions', async () => {
    const verdict = await monitorOf({
      falsePositives: 6,
      windows: { [CANDIDATE]: stats(3, 3) },
    }).monitor.evaluate(NOW);
    expect(verdict).toMatchObject({
      rollback: true,
      reason: '6 false positives reported in the window (limit 5)',
      canary: { decisions: 3, falsePositives: 6 },
    });
    await expect(monitorOf({ falsePositives: 5 }).monitor.evaluate(NOW)).resolves.toMatchObject({
      rollback: false,
    });
  });

  it('rolls back a canary whose p95 latency is over the ratio and more than 2 ms slower than stable', async () => {
    const verdict = await monitorOf({
      windows: { [CANDIDATE]: stats(500, 0, 16), [STABLE]: stats(500, 0, 4) },
    }).monitor.evaluate(NOW);
    expect(verdict).toMatchObject({
      rollback: true,
      reason: 'p95 latency 16 ms vs stable 4 ms (limit 2×)',
    });
  });

  it.each([
    ['it is many times slower but within 2 ms of stable', 2, 0.5],
    ['it is more than 2 ms slower but within the ratio', 8, 4],
    ['stable has no latency figure yet', 64, 0],
  ])('keeps a canary when %s', async (_what, canaryP95, stableP95) => {
    const verdict = await monitorOf({
      windows: { [CANDIDATE]: stats(500, 0, canaryP95), [STABLE]: stats(500, 0, stableP95) },
    }).monitor.evaluate(NOW);
    expect(verdict.rollback).toBe(false);
  });

  it('judges a shadow candidate by the same triggers as a canary', async () => {
    const verdict = await monitorOf({
      candidate: { stage: 'shadow', percent: 0 },
      windows: { [CANDIDATE]: stats(300, 150), [STABLE]: stats(300, 3) },
    }).monitor.evaluate(NOW);
    expect(verdict).toMatchObject({
      rollback: true,
      reason: expect.stringMatching(/^blocks 50\.0% vs stable 1\.0%/),
    });
  });
});
