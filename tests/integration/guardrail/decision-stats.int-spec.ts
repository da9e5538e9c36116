import { Redis } from 'ioredis';
import { DecisionStats, percentileFromBuckets } from '../../../apps/guardrail/src/services/decision-stats';
import { createTestNamespace, infraUrls } from '@rampart/testing';

describe('guardrail decision statistics shared through Redis', () => {
  const ns = createTestNamespace('decision_stats');
  const redis = new Redis(infraUrls().redisUrl, { maxRetriesPerRequest: 1 });
  const prefix = `${ns.naming.queuePrefix()}:guardrail`;

  afterAll(async () => {
    redis.disconnect();
    await ns.cleanup();
  });

  it('adds up what several replicas flushed into one window per version', async () => {
    const now = 1_800_000_000_000;
    const replicaA = new DecisionStats(redis, prefix);
    const replicaB = new DecisionStats(redis, prefix);
    for (let i = 0; i < 90; i++) replicaA.record(7, 'allow', 0.4, now - 30_000);
    for (let i = 0; i < 10; i++) replicaB.record(7, 'block', 3, now - 90_000);
    replicaB.record(8, 'block', 1, now);
    await replicaA.flush();
    await replicaB.flush();
    const window = await replicaA.window(7, 300_000, now);
    expect(window).toEqual({ decisions: 100, blocks: 10, blockRate: 0.1, p95LatencyMs: 4 });
    await expect(replicaA.window(7, 10_000, now)).resolves.toMatchObject({ decisions: 90, blocks: 0 });
  });

  it('reads a quantile from latency buckets', () => {
    expect(percentileFromBuckets([0, 95, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.95)).toBe(0.5);
    expect(percentileFromBuckets([0, 90, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.95)).toBe(2);
    expect(percentileFromBuckets(new Array(14).fill(0), 0.95)).toBe(0);
  });
});
