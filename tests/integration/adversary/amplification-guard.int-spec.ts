import { Redis } from 'ioredis';
import { AmplificationGuard } from '../../../apps/adversary/src/services/amplification-guard';
import { createTestNamespace, infraUrls } from '@rampart/testing';

const limits = { maxConcurrent: 5, criticalCooldownMs: 60_000, targetRatePerSecond: 0, targetBurst: 0 };

/** The adversary's amplification guards in the real Redis, shared by every replica. */
describe('adversary amplification guards in Redis', () => {
  const ns = createTestNamespace('amp_guard');
  const redis = new Redis(infraUrls().redisUrl, { maxRetriesPerRequest: 1 });
  let n = 0;
  const prefix = () => `${ns.naming.queuePrefix()}:adversary:${n++}`;

  afterAll(async () => {
    redis.disconnect();
    await ns.cleanup();
  });

  it('never lets more attacks run at once than the cap, under 400 concurrent attempts from two clients', async () => {
    const second = new Redis(infraUrls().redisUrl, { maxRetriesPerRequest: 1 });
    const p = prefix();
    const guards = [new AmplificationGuard(redis, p, limits), new AmplificationGuard(second, p, limits)];
    let running = 0;
    let peak = 0;
    let completed = 0;
    const attack = async (i: number) => {
      const guard = guards[i % 2];
      for (;;) {
        const admission = await guard.admit('guardrail');
        if (admission.admitted) {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running -= 1;
          await guard.release(admission.lease);
          completed += 1;
          return;
        }
        expect(admission.reason).toBe('concurrency');
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    await Promise.all(Array.from({ length: 400 }, (_, i) => attack(i)));
    second.disconnect();
    expect(completed).toBe(400);
    expect(peak).toBe(5);
    await expect(guards[0].inFlight()).resolves.toBe(0);
  });

  it('frees the slot of an attack whose process died, once its lease lapses', async () => {
    const guard = new AmplificationGuard(redis, prefix(), { ...limits, maxConcurrent: 1, leaseTtlMs: 1_000 });
    const now = 1_900_000_000_000;
    await expect(guard.admit('t', now)).resolves.toMatchObject({ admitted: true });
    await expect(guard.admit('t', now + 10)).resolves.toMatchObject({
      admitted: false,
      reason: 'concurrency',
    });
    // The holder never releases (kill -9); after the lease TTL the slot is free again.
    await expect(guard.admit('t', now + 1_001)).resolves.toMatchObject({ admitted: true });
  });

  it('limits attacks per target with a token bucket, each target on its own', async () => {
    const guard = new AmplificationGuard(redis, prefix(), {
      ...limits,
      maxConcurrent: 10_000,
      targetRatePerSecond: 10,
      targetBurst: 20,
    });
    const now = 1_900_000_100_000;
    const results = await Promise.all(Array.from({ length: 50 }, () => guard.admit('chat', now)));
    expect(results.filter((r) => r.admitted)).toHaveLength(20);
    const refused = results.find((r) => !r.admitted);
    expect(refused).toEqual({ admitted: false, reason: 'rate', retryAfterMs: 100 });
    await expect(guard.admit('other-target', now)).resolves.toMatchObject({ admitted: true });
    await expect(guard.admit('chat', now + 100)).resolves.toMatchObject({ admitted: true });
  });

  it('pauses a target after a critical success until the cooldown ends, other targets unaffected', async () => {
    const guard = new AmplificationGuard(redis, prefix(), { ...limits, criticalCooldownMs: 300 });
    await guard.coolDown('model', 'critical success of jailbreak_attacker');
    const refused = await guard.admit('model');
    expect(refused).toMatchObject({ admitted: false, reason: 'cooldown' });
    expect(refused.admitted === false && refused.retryAfterMs).toBeGreaterThan(0);
    await expect(guard.admit('guardrail')).resolves.toMatchObject({ admitted: true });
    await new Promise((resolve) => setTimeout(resolve, 350));
    await expect(guard.admit('model')).resolves.toMatchObject({ admitted: true });
  });
});
