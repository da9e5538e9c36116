import { toPlatformConfig, platformEnvShape, loadConfig, type PlatformConfig } from '@rampart/config';
import { z } from 'zod';
import { infraUrls } from './infra-urls';

/**
 * The environment a service process needs to run inside one test's isolation: its own namespace and
 * Postgres schema on the shared NATS, Redis and Postgres.
 */
export function testServiceEnv(options: {
  namespace: string;
  schema: string;
  port?: number;
  extra?: Record<string, string>;
}): Record<string, string> {
  const urls = infraUrls();
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    OTEL_SDK_DISABLED: 'true',
    RAMPART_NAMESPACE: options.namespace,
    NATS_URL: urls.natsUrl,
    REDIS_URL: urls.redisUrl,
    DATABASE_URL: urls.databaseUrl,
    DATABASE_SCHEMA: options.schema,
    OUTBOX_POLL_INTERVAL_MS: '200',
    ...(options.port ? { HTTP_PORT: String(options.port) } : {}),
    ...options.extra,
  };
}

/** A validated PlatformConfig for in-process use of the libraries in tests. */
export function testPlatformConfig(
  service: string,
  options: { namespace: string; schema: string; extra?: Record<string, string> },
): PlatformConfig {
  const env = loadConfig(z.object(platformEnvShape), testServiceEnv(options));
  return toPlatformConfig(service, 0, env);
}
