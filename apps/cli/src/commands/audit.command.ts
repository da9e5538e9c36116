import type { Command } from 'commander';
import { Pool } from 'pg';
import type { AuditAnchor } from '@rampart/audit';
import { ExitCode } from '../cli';
import { cliDatabaseConfig, cliNatsConfig } from './cli-env';

/** Exit code of `audit verify` when the log was tampered with (1 is left for "could not check"). */
export const TAMPERED_EXIT_CODE = 2;

type AnchorMode = 'auto' | 'require' | 'off';

interface VerifyCommandOptions {
  chain?: string;
  all?: boolean;
  batchSize: string;
  json?: boolean;
  anchors: AnchorMode;
}

/**
 * The chain heads the services anchored in NATS. Read before the database, so that every anchor describes
 * a state the database snapshot already contains.
 */
async function loadAnchors(mode: AnchorMode): Promise<ReadonlyMap<string, AuditAnchor> | undefined> {
  if (mode === 'off') return undefined;
  const { connect } = await import('@nats-io/transport-node');
  const { KvAuditAnchorStore } = await import('@rampart/audit');
  const { BusNaming } = await import('@rampart/bus');
  const nats = cliNatsConfig();
  const bucket = new BusNaming(nats.namespace).bucket('AUDIT_ANCHORS');
  try {
    const nc = await connect({
      ...nats,
      name: 'rampart-cli/audit-verify',
      timeout: 3_000,
      maxReconnectAttempts: 0,
    });
    try {
      return await (await KvAuditAnchorStore.open(nc, bucket, { create: false })).list();
    } finally {
      await nc.close();
    }
  } catch (error) {
    const reason = `anchors in NATS bucket ${bucket} at ${nats.servers.join(',')} unavailable: ${(error as Error).message}`;
    if (mode === 'require') throw new Error(reason, { cause: error });
    process.stderr.write(`rampart: ${reason}; verifying the hash chains without them\n`);
    return undefined;
  }
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit log');
  audit
    .command('verify')
    .description(
      'Walk every hash chain and compare it with its head and its anchor in NATS; print OK with the row count, ' +
        'or the first bad sequence of each chain (exit 2)',
    )
    .option('--chain <name>', 'verify one chain, e.g. guardrail:2')
    .option('--all', 'report every problem, not only the first of each chain')
    .option('--batch-size <rows>', 'rows read per query', '2000')
    .option(
      '--anchors <mode>',
      'check chain heads anchored in NATS: auto (when reachable), require, off',
      'auto',
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: VerifyCommandOptions) => {
      if (!['auto', 'require', 'off'].includes(options.anchors)) {
        throw new Error(`--anchors must be auto, require or off, got "${options.anchors}"`);
      }
      // Loaded on use: the CLI starts fast for commands that do not touch the database.
      const { formatVerifyReport, verifyAuditLog } = await import('@rampart/audit');
      const { pgConnectionConfig } = await import('@rampart/database');
      const config = cliDatabaseConfig('read');
      const anchors = await loadAnchors(options.anchors);
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
          anchors,
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
