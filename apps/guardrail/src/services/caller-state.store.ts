import type { Redis } from 'ioredis';

/**
 * Per-caller admission (token bucket + daily quota) and the conversation's accumulated risk, read in one
 * Redis round trip on the hot path. The script is atomic, so replicas share limits exactly.
 *
 * KEYS[5..] and the ARGV pairs after the sixth carry the risk of earlier turns, recorded after their
 * replies (see CallerStateStore.recordTurn). They are written first, so a check that is the next turn of
 * one of those conversations reads its new risk, and whatever the admission decides.
 */
const ADMIT = `
for i = 5, #KEYS do
  redis.call('HSET', KEYS[i], 'risk', ARGV[5 + 2 * (i - 4)], 'turns', ARGV[6 + 2 * (i - 4)])
  redis.call('EXPIRE', KEYS[i], tonumber(ARGV[6]))
end
local bucket, quota, conversation, canaries = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local now, rate, burst, daily, quotaTtl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
if rate > 0 then
  local state = redis.call('HMGET', bucket, 'tokens', 'at')
  local tokens = tonumber(state[1]) or burst
  local at = tonumber(state[2]) or now
  tokens = math.min(burst, tokens + (now - at) * rate / 1000)
  if tokens < 1 then
    return {0, math.ceil((1 - tokens) * 1000 / rate), '0', 0}
  end
  redis.call('HSET', bucket, 'tokens', tokens - 1, 'at', now)
  redis.call('PEXPIRE', bucket, math.ceil(burst * 1000 / rate) + 1000)
end
if daily > 0 then
  local used = redis.call('INCR', quota)
  if used == 1 then redis.call('EXPIRE', quota, quotaTtl) end
  if used > daily then
    redis.call('DECR', quota)
    return {0, -1, '0', 0}
  end
end
local risk = {'0', 0}
if conversation ~= '' then
  local stored = redis.call('HMGET', conversation, 'risk', 'turns')
  risk = {stored[1] or '0', tonumber(stored[2]) or 0}
end
local tokens = {}
if canaries ~= '' then tokens = redis.call('SMEMBERS', canaries) end
return {1, 0, risk[1], risk[2], tokens}
`;

const PLANT = `
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1
`;

const RECORD = `
for i = 1, #KEYS do
  redis.call('HSET', KEYS[i], 'risk', ARGV[2 * i], 'turns', ARGV[2 * i + 1])
  redis.call('EXPIRE', KEYS[i], tonumber(ARGV[1]))
end
return 1
`;

/** Longest a recorded turn waits for a check to carry it before it is written on its own. */
export const TURN_FLUSH_MS = 5;
/** At most this many recorded turns ride along with one admission. */
const TURNS_PER_ADMISSION = 32;

interface PendingTurn {
  risk: string;
  turns: number;
  settle: { resolve: () => void; reject: (error: unknown) => void }[];
}

export type Admission =
  | { admitted: true; priorRisk: number; turns: number; canaryTokens: string[] }
  | { admitted: false; reason: 'rate_limited'; retryAfterMs: number }
  | { admitted: false; reason: 'quota_exceeded' };

interface CallerStateRedis extends Redis {
  /** numberOfKeys first: 4 + the recorded turns carried along. */
  guardrailAdmit(
    numberOfKeys: number,
    ...keysAndArgs: (string | number)[]
  ): Promise<[number, number, string, number, string[]?]>;
  guardrailRecordRisk(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Promise<number>;
  guardrailPlantCanary(canaries: string, token: string, ttl: number): Promise<number>;
}

export class CallerStateStore {
  private readonly redis: CallerStateRedis;
  /** Turns recorded since the last write, by conversation key: only the latest turn of each counts. */
  private pending = new Map<string, PendingTurn>();
  private flushTimer?: NodeJS.Timeout;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly limits: { perSecond: number; burst: number; dailyQuota: number },
    private readonly conversationTtlSeconds: number,
  ) {
    this.redis = redis as CallerStateRedis;
    if (!('guardrailAdmit' in this.redis)) {
      redis.defineCommand('guardrailAdmit', { lua: ADMIT });
      redis.defineCommand('guardrailRecordRisk', { lua: RECORD });
      redis.defineCommand('guardrailPlantCanary', { numberOfKeys: 1, lua: PLANT });
    }
  }

  /** Admits one check; on output checks of a conversation also returns the canary tokens planted in it. */
  async admit(
    caller: string,
    conversationId: string | undefined,
    withCanaries: boolean,
    now = Date.now(),
  ): Promise<Admission> {
    const day = new Date(now).toISOString().slice(0, 10);
    const carried = this.takePending(TURNS_PER_ADMISSION);
    let reply: Awaited<ReturnType<CallerStateRedis['guardrailAdmit']>>;
    try {
      reply = await this.redis.guardrailAdmit(
        4 + carried.length,
        `${this.prefix}:rate:${caller}`,
        `${this.prefix}:quota:${caller}:${day}`,
        conversationId ? this.conversationKey(conversationId) : '',
        conversationId && withCanaries ? this.canaryKey(conversationId) : '',
        ...carried.map(([key]) => key),
        now,
        this.limits.perSecond,
        this.limits.burst,
        this.limits.dailyQuota,
        26 * 3600,
        this.conversationTtlSeconds,
        ...carried.flatMap(([, turn]) => [turn.risk, turn.turns]),
      );
    } catch (error) {
      settle(carried, error);
      throw error;
    }
    settle(carried);
    const [admitted, retryAfterMs, risk, turns, canaryTokens] = reply;
    if (admitted === 1) {
      return { admitted: true, priorRisk: Number(risk) || 0, turns, canaryTokens: canaryTokens ?? [] };
    }
    return retryAfterMs < 0
      ? { admitted: false, reason: 'quota_exceeded' }
      : { admitted: false, reason: 'rate_limited', retryAfterMs };
  }

  /**
   * Remembers a conversation's risk after a turn. It costs no round trip of its own on a busy replica: the
   * write rides along with the next admission (any caller's), or goes on its own after TURN_FLUSH_MS.
   * Resolves once Redis has it, so a graceful shutdown that waits for background work loses nothing.
   */
  recordTurn(conversationId: string, risk: number, turns: number): Promise<void> {
    const key = this.conversationKey(conversationId);
    return new Promise((resolve, reject) => {
      const settleAlso = this.pending.get(key)?.settle ?? [];
      this.pending.set(key, { risk: risk.toFixed(4), turns, settle: [...settleAlso, { resolve, reject }] });
      this.flushTimer ??= setTimeout(() => void this.flush().catch(() => undefined), TURN_FLUSH_MS);
    });
  }

  /** Writes the recorded turns no admission has carried yet. */
  async flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    while (this.pending.size > 0) {
      const batch = this.takePending(256);
      try {
        await this.redis.guardrailRecordRisk(
          batch.length,
          ...batch.map(([key]) => key),
          this.conversationTtlSeconds,
          ...batch.flatMap(([, turn]) => [turn.risk, turn.turns]),
        );
      } catch (error) {
        settle(batch, error);
        throw error;
      }
      settle(batch);
    }
  }

  private takePending(limit: number): [string, PendingTurn][] {
    if (this.pending.size === 0) return [];
    const taken: [string, PendingTurn][] = [];
    for (const entry of this.pending) {
      if (taken.length === limit) break;
      taken.push(entry);
    }
    if (taken.length === this.pending.size) this.pending = new Map();
    else for (const [key] of taken) this.pending.delete(key);
    if (this.pending.size === 0) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    return taken;
  }

  async plantCanary(conversationId: string, token: string): Promise<void> {
    await this.redis.guardrailPlantCanary(this.canaryKey(conversationId), token, this.conversationTtlSeconds);
  }

  private canaryKey(conversationId: string): string {
    return `${this.prefix}:canary:${conversationId}`;
  }

  private conversationKey(conversationId: string): string {
    return `${this.prefix}:conversation:${conversationId}`;
  }
}

function settle(turns: [string, PendingTurn][], error?: unknown): void {
  for (const [, turn] of turns)
    for (const waiter of turn.settle) {
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
}
