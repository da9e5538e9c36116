import { z } from 'zod';
import { boolean, loadServiceConfig, positiveInt, urlWithProtocols } from '@rampart/config';
import { DEFAULT_HTTP_PORTS } from '@rampart/contracts';

const ratio = (max: number) =>
  z.coerce
    .number({ message: 'expected a number' })
    .min(0, 'expected zero or more')
    .max(max, `expected at most ${max}`);

export const GUARDRAIL_ROLES = ['all', 'check', 'audit'] as const;
export type GuardrailRole = (typeof GUARDRAIL_ROLES)[number];

/** The guardrail's own variables; every one has a default that works on a developer machine. */
const guardrailEnv = {
  /** Largest text accepted, in UTF-8 bytes. */
  GUARDRAIL_MAX_TEXT_BYTES: positiveInt(1_048_576).default(32_768),
  /** Share of allow decisions published as events and audited (blocks and modifications always are). */
  GUARDRAIL_ALLOW_SAMPLE_RATE: ratio(1).default(0.01),
  /** Per caller (user_id, else endpoint): sustained checks per second and burst. 0 turns the limit off. */
  GUARDRAIL_RATE_LIMIT_PER_SECOND: positiveInt().default(200),
  GUARDRAIL_RATE_LIMIT_BURST: positiveInt().default(400),
  /** Checks per caller per UTC day; 0 means no quota. */
  GUARDRAIL_DAILY_QUOTA: positiveInt().default(0),
  /** How long a conversation's accumulated risk is remembered after its last turn. */
  GUARDRAIL_CONVERSATION_TTL_SECONDS: positiveInt().default(3_600),
  /** Optional LLM critique (OpenAI-compatible chat completions). Off unless a base URL is set. */
  GUARDRAIL_LLM_BASE_URL: urlWithProtocols(['http', 'https'], 'https://api.openai.com/v1').optional(),
  GUARDRAIL_LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  GUARDRAIL_LLM_API_KEY: z.string().optional(),
  GUARDRAIL_LLM_TIMEOUT_MS: positiveInt(60_000).default(1_500),
  /** Canary: compare with stable over this window, from this many decisions on each track. */
  GUARDRAIL_CANARY_WINDOW_MS: positiveInt().default(300_000),
  GUARDRAIL_CANARY_MIN_DECISIONS: positiveInt().default(200),
  /** Roll back when the canary blocks this much more (absolute share) than stable… */
  GUARDRAIL_CANARY_MAX_BLOCK_RATE_DELTA: ratio(1).default(0.05),
  /** …or its p95 latency is this many times stable's… */
  GUARDRAIL_CANARY_MAX_LATENCY_RATIO: ratio(100).default(2),
  /** …or it collected this many false-positive reports in the window. */
  GUARDRAIL_CANARY_MAX_FALSE_POSITIVES: positiveInt().default(5),
  GUARDRAIL_CANARY_CHECK_INTERVAL_MS: positiveInt().default(15_000),
  /** Replicas also re-read the active policies this often, in case a broadcast was missed. */
  GUARDRAIL_POLICY_POLL_MS: positiveInt().default(10_000),
  /** Bearer token for the policy administration API; without it that API refuses every call. */
  GUARDRAIL_ADMIN_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  /** Plant canary tokens in system prompts handed out by guardrail.canary.v1. */
  GUARDRAIL_CANARY_TOKENS: boolean().default(true),
  /**
   * What this process does: `all` (checks and the decision audit), `check` (the hot path only: HTTP and
   * NATS checks, policy administration) or `audit` (only the consumer that writes published decisions to
   * the audit log). Splitting keeps audit transactions off the event loop that answers checks; a
   * deployment that runs `check` replicas must run at least one `audit` replica, or decisions wait in
   * the stream (they are not lost) until one runs.
   */
  GUARDRAIL_ROLE: z
    .enum(GUARDRAIL_ROLES, { message: `expected one of ${GUARDRAIL_ROLES.join(', ')}` })
    .default('all'),
};

export function loadGuardrailConfig(env: NodeJS.ProcessEnv = process.env) {
  const { platform, own } = loadServiceConfig('guardrail', DEFAULT_HTTP_PORTS.guardrail, guardrailEnv, env);
  return {
    platform,
    guardrail: {
      maxTextBytes: own.GUARDRAIL_MAX_TEXT_BYTES,
      allowSampleRate: own.GUARDRAIL_ALLOW_SAMPLE_RATE,
      rateLimit: {
        perSecond: own.GUARDRAIL_RATE_LIMIT_PER_SECOND,
        burst: Math.max(own.GUARDRAIL_RATE_LIMIT_BURST, own.GUARDRAIL_RATE_LIMIT_PER_SECOND),
        dailyQuota: own.GUARDRAIL_DAILY_QUOTA,
      },
      conversationTtlSeconds: own.GUARDRAIL_CONVERSATION_TTL_SECONDS,
      llm: own.GUARDRAIL_LLM_BASE_URL
        ? {
            baseUrl: own.GUARDRAIL_LLM_BASE_URL,
            model: own.GUARDRAIL_LLM_MODEL,
            apiKey: own.GUARDRAIL_LLM_API_KEY,
            timeoutMs: own.GUARDRAIL_LLM_TIMEOUT_MS,
          }
        : undefined,
      canary: {
        windowMs: own.GUARDRAIL_CANARY_WINDOW_MS,
        minDecisions: own.GUARDRAIL_CANARY_MIN_DECISIONS,
        maxBlockRateDelta: own.GUARDRAIL_CANARY_MAX_BLOCK_RATE_DELTA,
        maxLatencyRatio: own.GUARDRAIL_CANARY_MAX_LATENCY_RATIO,
        maxFalsePositives: own.GUARDRAIL_CANARY_MAX_FALSE_POSITIVES,
        checkIntervalMs: own.GUARDRAIL_CANARY_CHECK_INTERVAL_MS,
      },
      policyPollMs: own.GUARDRAIL_POLICY_POLL_MS,
      adminToken: own.GUARDRAIL_ADMIN_TOKEN,
      canaryTokens: own.GUARDRAIL_CANARY_TOKENS,
      role: own.GUARDRAIL_ROLE,
    },
  };
}

export type GuardrailConfig = ReturnType<typeof loadGuardrailConfig>;
export type GuardrailSettings = GuardrailConfig['guardrail'];
export const GUARDRAIL_SETTINGS = Symbol('GUARDRAIL_SETTINGS');
