import type { Command } from 'commander';
import { Pool } from 'pg';
import { ExitCode } from '../cli';
import { cliDatabaseConfig } from './cli-env';

/** Exit code of `audit verify` when the log was tampered with (1 is left for "could not check"). */
export const TAMPERED_EXIT_CODE = 2;

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit log');
  audit
    .command('verify')
    .description(
      'Walk every hash chain; print OK with the row count, or the first bad sequence of each chain',
    )
    .option('--chain <name>', 'verify one chain, e.g. guardrail:2')
    .option('--all', 'report every problem, not only the first of each chain')
    .option('--batch-size <rows>', 'rows read per query', '2000')
    .option('--json', 'print the result as JSON')
    .action(async (options: { chain?: string; all?: boolean; batchSize: string; json?: boolean }) => {
      // Loaded on use: the CLI starts fast for commands that do not touch the database.
      const { formatVerifyReport, verifyAuditLog } = await import('@rampart/audit');
      const { pgConnectionConfig } = await import('@rampart/database');
      const config = cliDatabaseConfig('read');
      const pool = new Pool({
        ...pgConnectionConfig(config, { applicationName: 'rampart-cli/audit-verify', assumeRole: true }),
        max: 2,
      });
      pool.on('error', () => undefined);
      const showProgress = process.stderr.isTTY && !options.json;
      try {
        const result = await verifyAuditLog(pool, {
          chain: options.chain,
          allProblems: options.all,
          batchSize: Number(options.batchSize) || 2000,
          onProgress: showProgress
            ? (rows) => process.stderr.write(`\rverified ${rows} entries…`)
            : undefined,
        });
        if (showProgress) process.stderr.write('\r\x1b[K');
        process.stdout.write(
          options.json
            ? `${JSON.stringify(result, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`
            : `${formatVerifyReport(result)}\n`,
        );
        if (!result.ok) throw new ExitCode(TAMPERED_EXIT_CODE);
      } finally {
        await pool.end();
      }
    });
}
