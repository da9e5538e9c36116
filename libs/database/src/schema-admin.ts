import { Client } from 'pg';
import type { DatabaseConfig } from '@rampart/config';
import { DatabaseError } from './database-error';
import { applyMigrations } from './migrator';
import { assertIdentifier, databaseNameOf, pgConnectionConfig } from './pg-connection';

const APP = 'rampart-migrate';

async function connect(config: DatabaseConfig): Promise<Client> {
  const client = new Client(pgConnectionConfig(config, { applicationName: APP, assumeRole: false }));
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Creates the database named in the URL when it does not exist yet (needs CREATEDB). */
export async function ensureDatabase(config: DatabaseConfig): Promise<boolean> {
  const name = databaseNameOf(config.url);
  const maintenanceUrl = new URL(config.url);
  maintenanceUrl.pathname = '/postgres';
  const client = await connect({ ...config, url: maintenanceUrl.toString(), schema: 'public' });
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** Creates the database and schema if needed, then applies pending migrations. */
export async function migrateDatabase(
  config: DatabaseConfig,
  log: (line: string) => void = () => undefined,
): Promise<{ createdDatabase: boolean; applied: string[] }> {
  let createdDatabase = false;
  let client: Client;
  try {
    client = await connect(config);
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw unreachable(config, error);
    createdDatabase = await ensureDatabase(config);
    log(`created database ${databaseNameOf(config.url)}`);
    client = await connect(config);
  }
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${assertIdentifier('schema', config.schema)}"`);
    const { applied } = await applyMigrations(client, { log });
    return { createdDatabase, applied };
  } finally {
    await client.end();
  }
}

/** Drops a schema and everything in it: for tests and for tearing down throwaway environments. */
export async function dropSchema(config: DatabaseConfig): Promise<void> {
  const client = await connect({ ...config, schema: 'public' });
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${assertIdentifier('schema', config.schema)}" CASCADE`);
  } finally {
    await client.end();
  }
}

function unreachable(config: DatabaseConfig, error: unknown): DatabaseError {
  const url = new URL(config.url);
  return new DatabaseError(
    'DATABASE_UNREACHABLE',
    `Cannot connect to Postgres at ${url.hostname}:${url.port || 5432}: ${(error as Error).message}`,
    { cause: error, retryable: true },
  );
}
