import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ClientBase } from 'pg';
import { DatabaseError } from './database-error';

export interface MigrationFile {
  /** Directory name, `<timestamp>_<name>`, as Prisma records it. */
  readonly name: string;
  readonly sql: string;
  /** SHA-256 of migration.sql, the checksum Prisma records. */
  readonly checksum: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed since: the database no longer matches the files. */
  modified: string[];
}

/** Shipped next to the compiled code: libs/database/prisma/migrations. */
export const DEFAULT_MIGRATIONS_DIR = resolve(__dirname, '..', 'prisma', 'migrations');

export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir))
    throw new DatabaseError('DATABASE_MIGRATION_FAILED', `No migrations directory at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => {
      const sql = readFileSync(join(dir, entry.name, 'migration.sql'), 'utf8');
      return { name: entry.name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

// The same table `prisma migrate deploy` keeps, so either tool can take over from the other.
const PRISMA_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function appliedRows(client: ClientBase): Promise<AppliedRow[]> {
  const exists = await client.query<{ present: boolean }>(
    `SELECT to_regclass(quote_ident(current_schema()) || '._prisma_migrations') IS NOT NULL AS present`,
  );
  if (!exists.rows[0]?.present) return [];
  const result = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return result.rows;
}

export async function migrationStatus(
  client: ClientBase,
  files = readMigrations(),
): Promise<MigrationStatus> {
  const rows = (await appliedRows(client)).filter((row) => row.finished_at && !row.rolled_back_at);
  const byName = new Map(rows.map((row) => [row.migration_name, row]));
  return {
    applied: files.filter((f) => byName.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !byName.has(f.name)).map((f) => f.name),
    modified: files
      .filter((f) => byName.has(f.name) && byName.get(f.name)?.checksum !== f.checksum)
      .map((f) => f.name),
  };
}

/**
 * Applies pending migrations to the connection's current schema, each in its own transaction, under an
 * advisory lock so that concurrent migrators (several pods of a Helm hook, two developers) take turns.
 * `prisma migrate` needs a schema engine it cannot download offline; this applies the same files the same way.
 */
export async function applyMigrations(
  client: ClientBase,
  options: { files?: MigrationFile[]; log?: (line: string) => void } = {},
): Promise<{ applied: string[] }> {
  const files = options.files ?? readMigrations();
  const log = options.log ?? (() => undefined);
  const lockKey = `rampart:migrations:${(await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]?.s}`;
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
  try {
    await client.query(PRISMA_MIGRATIONS_TABLE);
    const status = await migrationStatus(client, files);
    if (status.modified.length > 0) {
      throw new DatabaseError(
        'DATABASE_MIGRATION_MODIFIED',
        `Applied migrations were edited afterwards: ${status.modified.join(', ')}. Add a new migration instead.`,
      );
    }
    const applied: string[] = [];
    for (const file of files.filter((f) => status.pending.includes(f.name))) {
      log(`applying migration ${file.name}`);
      await client.query('BEGIN');
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new DatabaseError(
          'DATABASE_MIGRATION_FAILED',
          `Migration ${file.name} failed and was rolled back: ${(error as Error).message}`,
          { cause: error },
        );
      }
      applied.push(file.name);
    }
    return { applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
  }
}
