import { Redis } from 'ioredis';
import { CallerStateStore } from '../../../apps/guardrail/src/services/caller-state.store';
import { nextRisk } from '../../../apps/guardrail/src/services/conversation-risk';
import { createTestNamespace, infraUrls } from '@rampart/testing';

/** Admission, quotas, conversation risk and canary tokens in the real Redis, atomically across callers. */
describe('guardrail caller state in Redis', () => {
  const ns = createTestNamespace('caller_state');
  const redis = new Redis(infraUrls().redisUrl, { maxRetriesPerRequest: 1 });
  const prefix = `${ns.naming.queuePrefix()}:guardrail`;

  afterAll(async () => {
    redis.disconnect();
    await ns.cleanup();
  });

  it('admits a burst, then refuses with the time until a token is back, then admits again', async () => {
    const store = new CallerStateStore(redis, prefix, { perSecond: 10, burst: 3, dailyQuota: 0 }, 60);
    const now = 1_800_000_000_000;
    for (let i = 0; i < 3; i++)
      await expect(store.admit('burst', undefined, false, now)).resolves.toMatchObject({ admitted: true });
    const refused = await store.admit('burst', undefined, false, now);
    expect(refused).toEqual({ admitted: false, reason: 'rate_limited', retryAfterMs: 100 });
    await expect(store.admit('burst', undefined, false, now + 100)).resolves.toMatchObject({
      admitted: true,
    });
    // Another caller has its own bucket.
    await expect(store.admit('other', undefined, false, now)).resolves.toMatchObject({ admitted: true });
  });

  it('shares one limit among concurrent checks: exactly the burst gets through', async () => {
    const store = new CallerStateStore(redis, prefix, { perSecond: 1, burst: 20, dailyQuota: 0 }, 60);
    const now = 1_800_000_100_000;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => store.admit('concurrent', undefined, false, now)),
    );
    expect(results.filter((r) => r.admitted)).toHaveLength(20);
  });

  it('stops a caller at its daily quota', async () => {
    const store = new CallerStateStore(redis, prefix, { perSecond: 0, burst: 0, dailyQuota: 2 }, 60);
    const now = Date.UTC(2026, 10, 23, 12);
    await store.admit('quota', undefined, false, now);
    await store.admit('quota', undefined, false, now);
    await expect(store.admit('quota', undefined, false, now)).resolves.toEqual({
      admitted: false,
      reason: 'quota_exceeded',
    });
    await expect(store.admit('quota', undefined, false, Date.UTC(2026, 10, 24, 0, 1))).resolves.toMatchObject(
      { admitted: true },
    );
  });

  it('remembers a conversation’s risk between turns and hands back its canary tokens on output checks', async () => {
    const store = new CallerStateStore(redis, prefix, { perSecond: 0, burst: 0, dailyQuota: 0 }, 60);
    await expect(store.admit('c', 'conv-1', false)).resolves.toMatchObject({
      admitted: true,
      priorRisk: 0,
      turns: 0,
    });
    await store.recordTurn('conv-1', 0.42, 1);
    await store.plantCanary('conv-1', 'rmp-token-a');
    const input = await store.admit('c', 'conv-1', false);
    expect(input).toMatchObject({ priorRisk: 0.42, turns: 1, canaryTokens: [] });
    const output = await store.admit('c', 'conv-1', true);
    expect(output).toMatchObject({ canaryTokens: ['rmp-token-a'] });
    expect(await redis.ttl(`${prefix}:conversation:conv-1`)).toBeGreaterThan(50);
  });

  it('writes a recorded turn with the next admission, so the conversation’s next turn reads it on any replica', async () => {
    const replicaA = new CallerStateStore(redis, prefix, { perSecond: 0, burst: 0, dailyQuota: 0 }, 60);
    const replicaB = new CallerStateStore(redis, prefix, { perSecond: 0, burst: 0, dailyQuota: 0 }, 60);
    const written = replicaA.recordTurn('conv-carried', 0.37, 3);
    // Another caller's check on the same replica carries the write: no round trip of its own.
    await replicaA.admit('someone-else', 'conv-unrelated', false);
    expect(await redis.hgetall(`${prefix}:conversation:conv-carried`)).toEqual({
      risk: '0.3700',
      turns: '3',
    });
    await written;
    await expect(replicaB.admit('c', 'conv-carried', false)).resolves.toMatchObject({
      priorRisk: 0.37,
      turns: 3,
    });
    expect(await redis.ttl(`${prefix}:conversation:conv-carried`)).toBeGreaterThan(50);
  });

  it('writes a recorded turn on its own when no admission comes to carry it, and keeps only the latest per conversation', async () => {
    const store = new CallerStateStore(redis, prefix, { perSecond: 0, burst: 0, dailyQuota: 0 }, 60);
    const first = store.recordTurn('conv-quiet', 0.2, 1);
    const second = store.recordTurn('conv-quiet', 0.3, 2);
    await Promise.all([first, second]);
    expect(await redis.hgetall(`${prefix}:conversation:conv-quiet`)).toEqual({ risk: '0.3000', turns: '2' });
  });

  it('lets a crescendo of individually mild turns build up risk, and benign turns let it fall', () => {
    let risk = 0;
    const mild = [0.35, 0.4, 0.4, 0.45, 0.45];
    for (const score of mild) risk = nextRisk(risk, score);
    expect(risk).toBeGreaterThan(0.5);
    expect(Math.max(...mild)).toBeLessThan(0.5);
    for (let i = 0; i < 5; i++) risk = nextRisk(risk, 0.02);
    expect(risk).toBeLessThan(0.25);
  });
});
