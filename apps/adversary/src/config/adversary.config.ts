import { z } from 'zod';
import { loadServiceConfig, positiveInt, urlWithProtocols } from '@rampart/config';
import { DEFAULT_HTTP_PORTS } from '@rampart/contracts';

const pathList = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

/** The adversary's own variables; every one has a default that works on a developer machine. */
const adversaryEnv = {
  /** YAML file of named targets (chat endpoints, HTTP APIs); `guardrail` is always available. */
  ADVERSARY_TARGETS_FILE: z.string().min(1).optional(),
  /** Comma-separated folders of user persona YAML files (added to, or replacing, the shipped ones). */
  ADVERSARY_PERSONA_DIRS: pathList.optional(),
  /** Comma-separated goal-corpus manifests (manifest.json with sha256 per corpus file). */
  ADVERSARY_GOAL_MANIFESTS: pathList.optional(),
  /** Amplification guards: attacks in flight across all replicas… */
  ADVERSARY_MAX_CONCURRENT_ATTACKS: positiveInt(10_000).min(1, 'expected at least 1').default(64),
  /** …turns in one attack session (a persona asking for more gets this many)… */
  ADVERSARY_MAX_TURNS: positiveInt(50).min(1, 'expected at least 1').default(10),
  /** …pause on a target after a critical attack succeeded against it (0 turns the pause off)… */
  ADVERSARY_CRITICAL_COOLDOWN_SECONDS: positiveInt(86_400).default(300),
  /** …and attacks started per second per target (0 turns the limit off), with its burst. */
  ADVERSARY_TARGET_RATE_PER_SECOND: positiveInt(1_000_000).default(2_000),
  ADVERSARY_TARGET_RATE_BURST: positiveInt(1_000_000).default(4_000),
  /** Attacks one process runs at once from the queue. */
  ADVERSARY_WORKER_CONCURRENCY: positiveInt(1_000).min(1, 'expected at least 1').default(16),
  /** Largest ad-hoc batch (HTTP and NATS). */
  ADVERSARY_MAX_BATCH: positiveInt(1_000).min(1, 'expected at least 1').default(100),
  /** Guardrail endpoint name the attacks are checked under (per-endpoint policy overrides apply). */
  ADVERSARY_GUARDRAIL_ENDPOINT: z.string().min(1).default('adversary'),
  /** Optional LLM judge (OpenAI-compatible). Off unless a base URL is set. */
  ADVERSARY_JUDGE_LLM_BASE_URL: urlWithProtocols(['http', 'https'], 'https://api.openai.com/v1').optional(),
  ADVERSARY_JUDGE_LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  ADVERSARY_JUDGE_LLM_API_KEY: z.string().optional(),
  ADVERSARY_JUDGE_LLM_TIMEOUT_MS: positiveInt(120_000).default(10_000),
  /** Optional attacker model for PAIR-style refinement (OpenAI-compatible). Off unless a base URL is set. */
  ADVERSARY_ATTACKER_LLM_BASE_URL: urlWithProtocols(
    ['http', 'https'],
    'https://api.openai.com/v1',
  ).optional(),
  ADVERSARY_ATTACKER_LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  ADVERSARY_ATTACKER_LLM_API_KEY: z.string().optional(),
  ADVERSARY_ATTACKER_LLM_TIMEOUT_MS: positiveInt(120_000).default(30_000),
  /** Most refinements one attack may ask for. */
  ADVERSARY_MAX_REFINE_ITERATIONS: positiveInt(50).default(5),
};

export function loadAdversaryConfig(env: NodeJS.ProcessEnv = process.env) {
  const { platform, own } = loadServiceConfig('adversary', DEFAULT_HTTP_PORTS.adversary, adversaryEnv, env);
  return {
    platform,
    adversary: {
      targetsFile: own.ADVERSARY_TARGETS_FILE,
      personaDirs: own.ADVERSARY_PERSONA_DIRS ?? [],
      goalManifests: own.ADVERSARY_GOAL_MANIFESTS ?? [],
      guards: {
        maxConcurrent: own.ADVERSARY_MAX_CONCURRENT_ATTACKS,
        maxTurns: own.ADVERSARY_MAX_TURNS,
        criticalCooldownMs: own.ADVERSARY_CRITICAL_COOLDOWN_SECONDS * 1000,
        targetRatePerSecond: own.ADVERSARY_TARGET_RATE_PER_SECOND,
        targetBurst: Math.max(own.ADVERSARY_TARGET_RATE_BURST, own.ADVERSARY_TARGET_RATE_PER_SECOND),
      },
      workerConcurrency: own.ADVERSARY_WORKER_CONCURRENCY,
      maxBatch: own.ADVERSARY_MAX_BATCH,
      guardrailEndpoint: own.ADVERSARY_GUARDRAIL_ENDPOINT,
      judgeLlm: own.ADVERSARY_JUDGE_LLM_BASE_URL
        ? {
            baseUrl: own.ADVERSARY_JUDGE_LLM_BASE_URL,
            model: own.ADVERSARY_JUDGE_LLM_MODEL,
            apiKey: own.ADVERSARY_JUDGE_LLM_API_KEY,
            timeoutMs: own.ADVERSARY_JUDGE_LLM_TIMEOUT_MS,
          }
        : undefined,
      attackerLlm: own.ADVERSARY_ATTACKER_LLM_BASE_URL
        ? {
            baseUrl: own.ADVERSARY_ATTACKER_LLM_BASE_URL,
            model: own.ADVERSARY_ATTACKER_LLM_MODEL,
            ...(own.ADVERSARY_ATTACKER_LLM_API_KEY ? { apiKey: own.ADVERSARY_ATTACKER_LLM_API_KEY } : {}),
            timeoutMs: own.ADVERSARY_ATTACKER_LLM_TIMEOUT_MS,
          }
        : undefined,
      maxRefineIterations: own.ADVERSARY_MAX_REFINE_ITERATIONS,
    },
  };
}

export type AdversaryConfig = ReturnType<typeof loadAdversaryConfig>;
export type AdversarySettings = AdversaryConfig['adversary'];
export const ADVERSARY_SETTINGS = Symbol('ADVERSARY_SETTINGS');
