import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Admits one attack: refuses while the target cools down after a critical success, when the attacks in
 * flight (all replicas) reach the cap, or when the target's token bucket is empty; otherwise takes a
 * token and a lease. Leases expire on their own, so a replica killed mid-attack cannot hold a slot for
 * ever. One script, so replicas share the limits exactly.
 */
const ADMIT = `
local leases, cooldown, bucket = KEYS[1], KEYS[2], KEYS[3]
local now, lease, maxConcurrent, leaseTtl = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local rate, burst = tonumber(ARGV[5]), tonumber(ARGV[6])
local cooling = redis.call('PTTL', cooldown)
if cooling > 0 then return {0, 'cooldown', cooling} end
redis.call('ZREMRANGEBYSCORE', leases, '-inf', now)
if redis.call('ZCARD', leases) >= maxConcurrent then
  local soonest = redis.call('ZRANGE', leases, 0, 0, 'WITHSCORES')
  return {0, 'concurrency', math.max(10, math.min(1000, tonumber(soonest[2]) - now))}
end
if rate > 0 then
  local state = redis.call('HMGET', bucket, 'tokens', 'at')
  local tokens = tonumber(state[1]) or burst
  local at = tonumber(state[2]) or now
  tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
  if tokens < 1 then return {0, 'rate', math.ceil((1 - tokens) * 1000 / rate)} end
  redis.call('HSET', bucket, 'tokens', tokens - 1, 'at', now)
  redis.call('PEXPIRE', bucket, math.ceil(burst * 1000 / rate) + 1000)
end
redis.call('ZADD', leases, now + leaseTtl, lease)
redis.call('PEXPIRE', leases, leaseTtl * 2)
return {1, 'admitted', 0}
`;

export type GuardRefusal = 'cooldown' | 'concurrency' | 'rate';

export type Admission =
  { admitted: true; lease: string } | { admitted: false; reason: GuardRefusal; retryAfterMs: number };

export interface AmplificationLimits {
  maxConcurrent: number;
  criticalCooldownMs: number;
  targetRatePerSecond: number;
  targetBurst: number;
  /** Longest one attack may hold its slot before the lease lapses. */
  leaseTtlMs?: number;
}

interface GuardRedis extends Redis {
  adversaryAdmit(...keysAndArgs: (string | number)[]): Promise<[number, GuardRefusal | 'admitted', number]>;
}

export class AmplificationGuard {
  private readonly redis: GuardRedis;
  private readonly leaseTtlMs: number;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly limits: AmplificationLimits,
  ) {
    this.redis = redis as GuardRedis;
    this.leaseTtlMs = limits.leaseTtlMs ?? 10 * 60_000;
    if (!('adversaryAdmit' in this.redis))
      redis.defineCommand('adversaryAdmit', { numberOfKeys: 3, lua: ADMIT });
  }

  async admit(target: string, now = Date.now()): Promise<Admission> {
    const lease = randomUUID();
    const [admitted, reason, retryAfterMs] = await this.redis.adversaryAdmit(
      this.leasesKey(),
      this.cooldownKey(target),
      `${this.prefix}:rate:${target}`,
      now,
      lease,
      this.limits.maxConcurrent,
      this.leaseTtlMs,
      this.limits.targetRatePerSecond,
      this.limits.targetBurst,
    );
    if (admitted === 1) return { admitted: true, lease };
    return { admitted: false, reason: reason as GuardRefusal, retryAfterMs };
  }

  async release(lease: string): Promise<void> {
    await this.redis.zrem(this.leasesKey(), lease);
  }

  /** After a critical success: no new attacks on this target until the cooldown ends. */
  async coolDown(target: string, reason: string): Promise<void> {
    if (this.limits.criticalCooldownMs <= 0) return;
    await this.redis.set(
      this.cooldownKey(target),
      reason.slice(0, 200),
      'PX',
      this.limits.criticalCooldownMs,
    );
  }

  /** Attacks currently holding a slot (expired leases excluded). */
  async inFlight(now = Date.now()): Promise<number> {
    return this.redis.zcount(this.leasesKey(), `(${now}`, '+inf');
  }

  private leasesKey(): string {
    return `${this.prefix}:leases`;
  }

  private cooldownKey(target: string): string {
    return `${this.prefix}:cooldown:${target}`;
  }
}
