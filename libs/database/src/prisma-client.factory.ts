import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import type { DatabaseConfig } from '@rampart/config';
import { PrismaClient } from './generated/prisma/client';
import { pgConnectionConfig } from './pg-connection';

export interface PrismaHandle {
  prisma: PrismaClient;
  pool: Pool;
  close(): Promise<void>;
}

/**
 * A Prisma client on the pg driver adapter (Prisma 7 needs no native query engine) over a pool we own, so
 * that the same search_path and role apply to Prisma's queries and to raw SQL, and shutdown closes it.
 */
export function createPrismaClient(
  db: DatabaseConfig,
  applicationName: string,
  assumeRole = true,
): PrismaHandle {
  const pool = new Pool({
    ...pgConnectionConfig(db, { applicationName, assumeRole }),
    max: db.poolMax,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its connection emits on the pool; without a listener that would crash the process.
  pool.on('error', () => undefined);
  const adapter = new PrismaPg(pool, { schema: db.schema });
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
