// For the Prisma CLI where it can download its engine (online): `npx prisma migrate deploy --config
// libs/database/prisma.config.ts`. Offline, use `rampart db migrate` and `npm run db:check` instead.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // Migrations need the owner's login; `generate` needs no database at all.
    url: process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL ?? '',
  },
});
