import type { DatabaseConfig } from '@rampart/config';
import {
  createPrismaClient,
  dropSchema,
  ensureDatabase,
  migrateDatabase,
  type PrismaHandle,
} from '@rampart/database';
import { infraUrls } from './infra-urls';
import { uniqueTestId } from './unique-id';

export interface TestDatabase {
  /** Settings services use: the test's own schema, under the rampart_service role. */
  config: DatabaseConfig;
  /** Same schema, connecting with the login user's own (superuser) rights: for tampering and inspection. */
  adminConfig: DatabaseConfig;
  /** Prisma on `config`, created on first use. */
  prisma(): PrismaHandle;
  drop(): Promise<void>;
}

let databaseEnsured: Promise<boolean> | undefined;

/** A fresh, migrated Postgres schema for one test file. */
export async function createTestDatabase(label: string, schema = uniqueTestId(label)): Promise<TestDatabase> {
  const url = infraUrls().databaseUrl;
  const adminConfig: DatabaseConfig = { url, schema, poolMax: 5 };
  const config: DatabaseConfig = { ...adminConfig, role: 'rampart_service' };
  databaseEnsured ??= ensureDatabase(adminConfig);
  await databaseEnsured;
  await migrateDatabase(adminConfig);
  let handle: PrismaHandle | undefined;
  return {
    config,
    adminConfig,
    prisma() {
      handle ??= createPrismaClient(config, `test-${label}`);
      return handle;
    },
    async drop() {
      await handle?.close();
      await dropSchema(adminConfig);
    },
  };
}
