import { z } from 'zod';
import { loadConfig, platformEnvShape, type DatabaseConfig } from '@rampart/config';
import { DEFAULT_HTTP_PORTS, SERVICE_NAMES, type ServiceName } from '@rampart/contracts';

const databaseEnv = z.object({
  DATABASE_URL: platformEnvShape.DATABASE_URL,
  DATABASE_MIGRATION_URL: platformEnvShape.DATABASE_URL.optional(),
  DATABASE_SCHEMA: platformEnvShape.DATABASE_SCHEMA,
  DATABASE_ROLE: platformEnvShape.DATABASE_ROLE,
});

function schemaOf(url: string, explicit?: string): string {
  return explicit ?? new URL(url).searchParams.get('schema') ?? 'public';
}

/**
 * The database the CLI works on: the services' connection (reads happen under their role, as the
 * services would see the data), or the migration login for schema changes.
 */
export function cliDatabaseConfig(
  purpose: 'read' | 'migrate',
  env: NodeJS.ProcessEnv = process.env,
): DatabaseConfig {
  const parsed = loadConfig(databaseEnv, env);
  const url =
    purpose === 'migrate' ? (parsed.DATABASE_MIGRATION_URL ?? parsed.DATABASE_URL) : parsed.DATABASE_URL;
  return {
    url,
    schema: schemaOf(url, parsed.DATABASE_SCHEMA),
    role: purpose === 'read' && parsed.DATABASE_ROLE !== 'none' ? parsed.DATABASE_ROLE : undefined,
    poolMax: 2,
  };
}

/** `RAMPART_<SERVICE>_URL` (e.g. RAMPART_CAMPAIGN_SCHEDULER_URL), or the service's local default port. */
export function serviceUrl(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const key = `RAMPART_${service.toUpperCase().replace(/-/g, '_')}_URL`;
  return (env[key] ?? `http://127.0.0.1:${DEFAULT_HTTP_PORTS[service]}`).replace(/\/+$/, '');
}

export function serviceUrls(env: NodeJS.ProcessEnv = process.env): { service: ServiceName; url: string }[] {
  return SERVICE_NAMES.map((service) => ({ service, url: serviceUrl(service, env) }));
}

const natsEnv = z.object({
  NATS_URL: platformEnvShape.NATS_URL,
  NATS_TOKEN: platformEnvShape.NATS_TOKEN,
  NATS_USER: platformEnvShape.NATS_USER,
  NATS_PASSWORD: platformEnvShape.NATS_PASSWORD,
  RAMPART_NAMESPACE: platformEnvShape.RAMPART_NAMESPACE,
});

/** NATS settings for commands that read the bus (audit anchors). */
export function cliNatsConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = loadConfig(natsEnv, env);
  return {
    servers: parsed.NATS_URL.split(',').map((s) => s.trim()),
    token: parsed.NATS_TOKEN,
    user: parsed.NATS_USER,
    pass: parsed.NATS_PASSWORD,
    namespace: parsed.RAMPART_NAMESPACE ?? '',
  };
}
