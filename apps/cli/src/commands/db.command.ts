import type { Command } from 'commander';
import { Client } from 'pg';
import { ExitCode } from '../cli';
import { cliDatabaseConfig } from './cli-env';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Database schema');
  db.command('migrate')
    .description(
      'Create the database and schema if needed and apply pending migrations (DATABASE_MIGRATION_URL or DATABASE_URL)',
    )
    .action(async () => {
      const { migrateDatabase } = await import('@rampart/database');
      const config = cliDatabaseConfig('migrate');
      const { applied } = await migrateDatabase(config, (line) => process.stdout.write(`${line}\n`));
      process.stdout.write(
        applied.length
          ? `applied ${applied.length} migration(s) to schema ${config.schema}\n`
          : `schema ${config.schema} is up to date\n`,
      );
    });
  db.command('status')
    .description('List applied and pending migrations; exits 1 when some are pending or were edited')
    .action(async () => {
      const { migrationStatus, pgConnectionConfig } = await import('@rampart/database');
      const config = cliDatabaseConfig('migrate');
      const client = new Client(
        pgConnectionConfig(config, { applicationName: 'rampart-cli/db-status', assumeRole: false }),
      );
      await client.connect();
      try {
        const status = await migrationStatus(client);
        for (const name of status.applied)
          process.stdout.write(
            `applied  ${name}${status.modified.includes(name) ? ' (EDITED since)' : ''}\n`,
          );
        for (const name of status.pending) process.stdout.write(`pending  ${name}\n`);
        if (status.pending.length || status.modified.length) throw new ExitCode(1);
      } finally {
        await client.end();
      }
    });
}
