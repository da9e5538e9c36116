import type { Redis } from 'ioredis';

/**
 * Per-caller admission (token bucket + daily quota) and the conversation's accumulated risk, read in one
 * Redis round trip on the hot path. The script is atomic, so replicas share limits exactly.
 */
const ADMIT = `
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
redis.call('HSET', KEYS[1], 'risk', ARGV[1], 'turns', ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
return 1
`;

export type Admission =
  | { admitted: true; priorRisk: number; turns: number; canaryTokens: string[] }
  | { admitted: false; reason: 'rate_limited'; retryAfterMs: number }
  | { admitted: false; reason: 'quota_exceeded' };

interface CallerStateRedis extends Redis {
  guardrailAdmit(
    bucket: string,
    quota: string,
    conversation: string,
    canaries: string,
    ...args: (string | number)[]
  ): Promise<[number, number, string, number, string[]?]>;
  guardrailRecordRisk(conversation: string, risk: string, turns: number, ttl: number): Promise<number>;
  guardrailPlantCanary(canaries: string, token: string, ttl: number): Promise<number>;
}

/** Risk left of earlier turns after each new one: a crescendo must keep climbing to stay high. */
export const RISK_DECAY = 0.8;
/** How much of one turn's score carries into the conversation's risk. */
export const TURN_WEIGHT = 0.6;

/** The conversation's risk after a turn with this score. */
export function nextRisk(prior: number, turnScore: number): number {
  return 1 - (1 - prior * RISK_DECAY) * (1 - turnScore * TURN_WEIGHT);
}

export class CallerStateStore {
  private readonly redis: CallerStateRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly limits: { perSecond: number; burst: number; dailyQuota: number },
    private readonly conversationTtlSeconds: number,
  ) {
    this.redis = redis as CallerStateRedis;
    if (!('guardrailAdmit' in this.redis)) {
      redis.defineCommand('guardrailAdmit', { numberOfKeys: 4, lua: ADMIT });
      redis.defineCommand('guardrailRecordRisk', { numberOfKeys: 1, lua: RECORD });
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
    const [admitted, retryAfterMs, risk, turns, canaryTokens] = await this.redis.guardrailAdmit(
      `${this.prefix}:rate:${caller}`,
      `${this.prefix}:quota:${caller}:${day}`,
      conversationId ? this.conversationKey(conversationId) : '',
      conversationId && withCanaries ? this.canaryKey(conversationId) : '',
      now,
      this.limits.perSecond,
      this.limits.burst,
      this.limits.dailyQuota,
      26 * 3600,
    );
    if (admitted === 1) {
      return { admitted: true, priorRisk: Number(risk) || 0, turns, canaryTokens: canaryTokens ?? [] };
    }
    return retryAfterMs < 0
      ? { admitted: false, reason: 'quota_exceeded' }
      : { admitted: false, reason: 'rate_limited', retryAfterMs };
  }

  async recordTurn(conversationId: string, risk: number, turns: number): Promise<void> {
    await this.redis.guardrailRecordRisk(
      this.conversationKey(conversationId),
      risk.toFixed(4),
      turns,
      this.conversationTtlSeconds,
    );
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
