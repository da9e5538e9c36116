import type { ClientConfig } from 'pg';
import type { DatabaseConfig } from '@rampart/config';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertIdentifier(kind: string, value: string): string {
  if (!IDENTIFIER.test(value)) throw new Error(`Invalid Postgres ${kind} "${value}"`);
  return value;
}

export interface PgConnectionOptions {
  /** Shown in pg_stat_activity, so a DBA can tell the services apart. */
  applicationName: string;
  /** Assume the configured group role (services), or connect with the login user's own rights (migrations). */
  assumeRole: boolean;
}

/**
 * Connection settings for node-postgres: the schema becomes the search_path and the group role is assumed
 * at connection start-up, so raw SQL and Prisma's queries see the same tables under the same grants.
 */
export function pgConnectionConfig(db: DatabaseConfig, options: PgConnectionOptions): ClientConfig {
  const url = new URL(db.url);
  url.searchParams.delete('schema');
  const startup = [`-c search_path=${assertIdentifier('schema', db.schema)}`];
  if (options.assumeRole && db.role) startup.push(`-c role=${assertIdentifier('role', db.role)}`);
  return {
    connectionString: url.toString(),
    options: startup.join(' '),
    application_name: options.applicationName.slice(0, 63),
  };
}

/** The database name in a URL, for messages and for creating it when missing. */
export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  return name || 'postgres';
}
