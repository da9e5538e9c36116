import type { Redis } from 'ioredis';

/** Upper bounds (ms) of the latency buckets kept per policy version and minute. */
export const LATENCY_BUCKETS_MS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, Infinity];

interface Tally {
  decisions: number;
  blocks: number;
  buckets: number[];
}

export interface WindowStats {
  decisions: number;
  blocks: number;
  blockRate: number;
  p95LatencyMs: number;
}

const MINUTE = 60_000;

/**
 * Counts decisions, blocks and latency per policy version, per minute, in Redis, so that the canary
 * comparison sees every replica's traffic. Each replica adds up locally and flushes once a second, keeping
 * Redis off the hot path.
 */
export class DecisionStats {
  private pending = new Map<string, Tally>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  record(version: number, verdict: 'allow' | 'modify' | 'block', latencyMs: number, now = Date.now()): void {
    const key = `${version}:${Math.floor(now / MINUTE)}`;
    let tally = this.pending.get(key);
    if (!tally) {
      tally = { decisions: 0, blocks: 0, buckets: LATENCY_BUCKETS_MS.map(() => 0) };
      this.pending.set(key, tally);
    }
    tally.decisions += 1;
    if (verdict === 'block') tally.blocks += 1;
    tally.buckets[LATENCY_BUCKETS_MS.findIndex((bound) => latencyMs <= bound)] += 1;
  }

  start(intervalMs = 1_000): void {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const pipeline = this.redis.multi();
    for (const [key, tally] of batch) {
      const hash = `${this.prefix}:stats:${key}`;
      pipeline.hincrby(hash, 'decisions', tally.decisions);
      pipeline.hincrby(hash, 'blocks', tally.blocks);
      tally.buckets.forEach((count, i) => {
        if (count > 0) pipeline.hincrby(hash, `b${i}`, count);
      });
      pipeline.expire(hash, 2 * 24 * 3600);
    }
    await pipeline.exec();
  }

  /** A version's decisions over the last `windowMs`, from every replica's flushed minutes. */
  async window(version: number, windowMs: number, now = Date.now()): Promise<WindowStats> {
    const last = Math.floor(now / MINUTE);
    const first = Math.floor((now - windowMs) / MINUTE);
    const pipeline = this.redis.multi();
    for (let minute = first; minute <= last; minute++)
      pipeline.hgetall(`${this.prefix}:stats:${version}:${minute}`);
    const results = (await pipeline.exec()) ?? [];
    const total: Tally = { decisions: 0, blocks: 0, buckets: LATENCY_BUCKETS_MS.map(() => 0) };
    for (const [, value] of results) {
      const hash = (value ?? {}) as Record<string, string>;
      total.decisions += Number(hash.decisions ?? 0);
      total.blocks += Number(hash.blocks ?? 0);
      total.buckets.forEach((_, i) => (total.buckets[i] += Number(hash[`b${i}`] ?? 0)));
    }
    return {
      decisions: total.decisions,
      blocks: total.blocks,
      blockRate: total.decisions > 0 ? total.blocks / total.decisions : 0,
      p95LatencyMs: percentileFromBuckets(total.buckets, 0.95),
    };
  }
}

/** The upper bound of the bucket holding the given quantile (the last finite bound for the overflow). */
export function percentileFromBuckets(buckets: readonly number[], quantile: number): number {
  const count = buckets.reduce((sum, n) => sum + n, 0);
  if (count === 0) return 0;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i];
    if (seen >= quantile * count)
      return Number.isFinite(LATENCY_BUCKETS_MS[i]) ? LATENCY_BUCKETS_MS[i] : LATENCY_BUCKETS_MS[i - 1];
  }
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 2];
}
