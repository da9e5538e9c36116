import { hostname } from 'node:os';
import { z } from 'zod';
import { boolean, port, positiveInt, urlWithProtocols } from './env-types';
import { loadConfig } from './load-config';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const IDENTIFIER = /^[a-z][a-z0-9_]{0,30}$/;

/** Environment every service reads. Services add their own variables through `loadServiceConfig`. */
export const platformEnvShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  RAMPART_NAMESPACE: z
    .string()
    .regex(IDENTIFIER, 'expected lower-case letters, digits and _, starting with a letter (at most 31)')
    .optional(),
  SERVICE_INSTANCE_ID: z.string().max(128).optional(),
  NATS_URL: urlWithProtocols(['nats', 'tls', 'ws', 'wss'], 'nats://127.0.0.1:4222').default(
    'nats://127.0.0.1:4222',
  ),
  NATS_TOKEN: z.string().optional(),
  NATS_USER: z.string().optional(),
  NATS_PASSWORD: z.string().optional(),
  JETSTREAM_REPLICAS: positiveInt(5).pipe(z.number().min(1, 'expected 1, 3 or 5')).default(1),
  CONSUMER_MAX_DELIVER: positiveInt(1000).pipe(z.number().min(1, 'expected at least 1')).default(5),
  CONSUMER_ACK_WAIT_MS: positiveInt().pipe(z.number().min(1000, 'expected at least 1000')).default(30_000),
  REDIS_URL: urlWithProtocols(['redis', 'rediss'], 'redis://127.0.0.1:6379').default(
    'redis://127.0.0.1:6379',
  ),
  DATABASE_URL: urlWithProtocols(
    ['postgres', 'postgresql'],
    'postgresql://user@127.0.0.1:5432/rampart',
  ).default('postgresql://postgres@127.0.0.1:5432/rampart'),
  DATABASE_SCHEMA: z.string().regex(IDENTIFIER, 'expected a lower-case Postgres identifier').optional(),
  DATABASE_ROLE: z
    .string()
    .regex(/^([a-z_][a-z0-9_]{0,62}|none)$/, 'expected a Postgres role name, or none')
    .default('rampart_service'),
  DATABASE_POOL_MAX: positiveInt(500).pipe(z.number().min(1, 'expected at least 1')).default(10),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  HTTP_PORT: port().optional(),
  SHUTDOWN_TIMEOUT_MS: positiveInt().default(25_000),
  SHUTDOWN_DRAIN_DELAY_MS: positiveInt().default(0),
  OUTBOX_POLL_INTERVAL_MS: positiveInt().pipe(z.number().min(10, 'expected at least 10')).default(1_000),
  AUDIT_CHAIN_SHARDS: positiveInt(64).pipe(z.number().min(1, 'expected at least 1')).default(4),
  AUDIT_ANCHOR_INTERVAL_MS: positiveInt().default(30_000),
  METRICS_ENABLED: boolean().default(true),
};

type PlatformEnv = z.infer<z.ZodObject<typeof platformEnvShape>>;

export interface DatabaseConfig {
  url: string;
  /** Postgres schema holding the platform's tables. */
  schema: string;
  /** Group role every connection assumes (SET ROLE), so grants apply whoever logs in; undefined: none. */
  role?: string;
  poolMax: number;
}

export interface PlatformConfig {
  service: string;
  env: PlatformEnv['NODE_ENV'];
  logLevel: LogLevel;
  /** Prefix for subjects, streams and queues, so several platforms (or tests) can share NATS and Redis. */
  namespace: string;
  instanceId: string;
  nats: {
    servers: string[];
    token?: string;
    user?: string;
    password?: string;
    replicas: number;
    maxDeliver: number;
    ackWaitMs: number;
  };
  redis: { url: string };
  database: DatabaseConfig;
  http: { host: string; port: number };
  shutdown: { timeoutMs: number; drainDelayMs: number };
  outbox: { pollIntervalMs: number };
  /** anchorIntervalMs 0: chain heads are not anchored outside the database. */
  audit: { chainShards: number; anchorIntervalMs: number };
  metrics: { enabled: boolean };
}

function schemaFromUrl(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('schema') ?? undefined;
  } catch {
    return undefined;
  }
}

export function toPlatformConfig(service: string, defaultPort: number, env: PlatformEnv): PlatformConfig {
  return {
    service,
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    namespace: env.RAMPART_NAMESPACE ?? '',
    instanceId: env.SERVICE_INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    nats: {
      servers: env.NATS_URL.split(',').map((s) => s.trim()),
      token: env.NATS_TOKEN,
      user: env.NATS_USER,
      password: env.NATS_PASSWORD,
      replicas: env.JETSTREAM_REPLICAS,
      maxDeliver: env.CONSUMER_MAX_DELIVER,
      ackWaitMs: env.CONSUMER_ACK_WAIT_MS,
    },
    redis: { url: env.REDIS_URL },
    database: {
      url: env.DATABASE_URL,
      schema: env.DATABASE_SCHEMA ?? schemaFromUrl(env.DATABASE_URL) ?? 'public',
      role: env.DATABASE_ROLE === 'none' ? undefined : env.DATABASE_ROLE,
      poolMax: env.DATABASE_POOL_MAX,
    },
    http: { host: env.HTTP_HOST, port: env.HTTP_PORT ?? defaultPort },
    shutdown: { timeoutMs: env.SHUTDOWN_TIMEOUT_MS, drainDelayMs: env.SHUTDOWN_DRAIN_DELAY_MS },
    outbox: { pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS },
    audit: { chainShards: env.AUDIT_CHAIN_SHARDS, anchorIntervalMs: env.AUDIT_ANCHOR_INTERVAL_MS },
    metrics: { enabled: env.METRICS_ENABLED },
  };
}

/**
 * Loads the platform variables and a service's own in one pass, so that every bad variable is reported
 * together. Throws ConfigError naming each one.
 */
export function loadServiceConfig<Extra extends z.ZodRawShape = Record<never, never>>(
  service: string,
  defaultPort: number,
  extra?: Extra,
  env: NodeJS.ProcessEnv = process.env,
): { platform: PlatformConfig; own: z.infer<z.ZodObject<Extra>> } {
  const schema = z.object({ ...platformEnvShape, ...(extra ?? ({} as Extra)) });
  const parsed = loadConfig(schema, env) as PlatformEnv & z.infer<z.ZodObject<Extra>>;
  const ownKeys = Object.keys(extra ?? {});
  const own = Object.fromEntries(ownKeys.map((key) => [key, (parsed as Record<string, unknown>)[key]]));
  return {
    platform: toPlatformConfig(service, defaultPort, parsed),
    own: own as z.infer<z.ZodObject<Extra>>,
  };
}
