// Cost of the tamper-evident audit log: appends through AuditLog (transaction, chain-head lock, SHA-256 over
// the RFC 8785 envelope, insert, head update) against plain single-row INSERTs of the same rows in
// autocommit, both through the same Prisma client and pool, at concurrency 1 and 8.
//
//   npm run build && npx nx run bench:build && node bench/dist/audit-append.bench.js [--rows 5000] [--shards 4]
//
// Options (or env): --rows (AUDIT_BENCH_ROWS), --shards (AUDIT_BENCH_SHARDS), --rounds (AUDIT_BENCH_ROUNDS).
// TEST_DATABASE_URL picks the server (default postgresql://postgres@127.0.0.1:5432/rampart_test). The run
// creates its own schema and drops it at the end.
import { randomUUID } from 'node:crypto';
import { AuditLog, verifyAuditLog, type AuditEntryInput } from '@rampart/audit';
import { createPrismaClient, TransactionHost, type PrismaClient } from '@rampart/database';
import { createTestDatabase } from '@rampart/testing';
import {
  intOption,
  LatencyRecorder,
  machineDescription,
  markdownTable,
  runConcurrently,
} from './lib/bench-stats';

const CONCURRENCY = [1, 8];
const WARMUP_ROWS = 200;
const POOL_SIZE = 10;
const ZERO_HASH = '0'.repeat(64);

const PLAIN_INSERT = `INSERT INTO audit_log (id, chain, seq, service, actor, action, resource, reason, rule, evidence,
  correlation_id, causation_id, occurred_at, payload, prev_hash, hash)
  VALUES ($1::uuid, $2, $3::bigint, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13::timestamptz, $14::jsonb, $15, $16)`;

type Mode = 'plain' | 'chained';

/** One way of writing entry `i`; the plain one stands for what an unchained audit table would cost. */
type Writer = (i: number) => Promise<unknown>;

interface Measurement {
  mode: Mode;
  concurrency: number;
  rows: number;
  seconds: number;
  latency: LatencyRecorder;
}

/** Realistic entries: a guardrail verdict with a few hundred bytes of payload and evidence, on 500 resources. */
function entries(count: number): AuditEntryInput[] {
  return Array.from({ length: count }, (_, i) => ({
    actor: `apikey:${i % 37}`,
    action: 'guardrail.verdict.blocked',
    resource: `prompt:${i % 500}`,
    reason: i % 4 === 0 ? 'prompt injection: instructions to ignore the system prompt' : null,
    rule: `rule:pi-${i % 12}`,
    evidence: { score: 0.9 + (i % 10) / 100, spans: [[12, 48]], detector: 'pi-classifier@3.2' },
    correlationId: `req-${i}`,
    causationId: `msg-${i}`,
    payload: {
      model: 'gpt-x',
      tenant: `tenant-${i % 9}`,
      tokens: 812 + i,
      policy: { id: 'default', version: 7 },
    },
  }));
}

function chainedWriter(
  txHost: TransactionHost,
  inputs: AuditEntryInput[],
  service: string,
  shards: number,
): Writer {
  const log = new AuditLog({ txHost, service, chainShards: shards });
  return (i) => log.append(inputs[i]);
}

function plainWriter(prisma: PrismaClient, inputs: AuditEntryInput[], chain: string): Writer {
  return (i) => {
    const e = inputs[i];
    return prisma.$executeRawUnsafe(
      PLAIN_INSERT,
      randomUUID(),
      chain,
      String(i + 1),
      'bench-plain',
      e.actor,
      e.action,
      e.resource,
      e.reason ?? null,
      e.rule ?? null,
      JSON.stringify(e.evidence),
      e.correlationId,
      e.causationId ?? null,
      new Date().toISOString(),
      JSON.stringify(e.payload),
      ZERO_HASH,
      ZERO_HASH,
    );
  };
}

/**
 * Alternates plain and chained slices of the rows, round by round, so that background load on a shared
 * machine (other builds, other tests on the same Postgres) falls on both modes alike and the ratio holds.
 */
async function measure(writers: Record<Mode, Writer>, rows: number, concurrency: number, rounds: number) {
  const results: Record<Mode, Measurement> = {
    plain: { mode: 'plain', concurrency, rows: 0, seconds: 0, latency: new LatencyRecorder() },
    chained: { mode: 'chained', concurrency, rows: 0, seconds: 0, latency: new LatencyRecorder() },
  };
  for (let round = 0; round < rounds; round++) {
    const from = Math.floor((rows * round) / rounds);
    const to = Math.floor((rows * (round + 1)) / rounds);
    const order: Mode[] = round % 2 === 0 ? ['plain', 'chained'] : ['chained', 'plain'];
    for (const mode of order) {
      const result = results[mode];
      result.seconds += await runConcurrently(to - from, concurrency, (k) =>
        result.latency.time(() => writers[mode](from + k)),
      );
      result.rows += to - from;
    }
  }
  return [results.plain, results.chained];
}

async function main(): Promise<void> {
  const rows = intOption(process.argv, 'rows', 'AUDIT_BENCH_ROWS', 5000);
  const shards = intOption(process.argv, 'shards', 'AUDIT_BENCH_SHARDS', 4);
  const rounds = intOption(process.argv, 'rounds', 'AUDIT_BENCH_ROUNDS', 10);
  const db = await createTestDatabase('bench_audit');
  const handle = createPrismaClient({ ...db.config, poolMax: POOL_SIZE }, 'rampart-bench-audit');
  try {
    const txHost = new TransactionHost(handle.prisma);
    const version = await handle.pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    console.log(`Machine: ${machineDescription()}; PostgreSQL ${version.rows[0].v}`);
    console.log(
      `Rows per mode and concurrency: ${rows} in ${rounds} alternating rounds; chain shards per service: ${shards}; ` +
        `pool: ${POOL_SIZE} connections\n`,
    );

    // Warm up connections, prepared plans and the JIT on both paths before anything is timed.
    const warmup = entries(WARMUP_ROWS);
    await measure(
      {
        plain: plainWriter(handle.prisma, warmup, 'bench-plain-warmup:0'),
        chained: chainedWriter(txHost, warmup, 'bench-chained-warmup', shards),
      },
      WARMUP_ROWS,
      8,
      2,
    );

    const inputs = entries(rows);
    const results: Measurement[] = [];
    for (const concurrency of CONCURRENCY) {
      const writers = {
        plain: plainWriter(handle.prisma, inputs, `bench-plain-c${concurrency}:0`),
        chained: chainedWriter(txHost, inputs, `bench-chained-c${concurrency}`, shards),
      };
      results.push(...(await measure(writers, rows, concurrency, rounds)));
    }

    const plainSeconds = new Map(
      results.filter((r) => r.mode === 'plain').map((r) => [r.concurrency, r.seconds]),
    );
    console.log(
      markdownTable(
        ['mode', 'concurrency', 'rows', 'seconds', 'rows/s', 'p50 ms', 'p99 ms', 'chained/plain'],
        results.map((r) => [
          r.mode,
          r.concurrency,
          r.rows,
          r.seconds.toFixed(2),
          Math.round(r.rows / r.seconds),
          r.latency.percentile(50).toFixed(2),
          r.latency.percentile(99).toFixed(2),
          r.mode === 'chained' ? `${(r.seconds / plainSeconds.get(r.concurrency)!).toFixed(2)}×` : '',
        ]),
      ),
    );

    const started = process.hrtime.bigint();
    const verified = await verifyAuditLog(handle.pool);
    const verifySeconds = Number(process.hrtime.bigint() - started) / 1e9;
    // The plain rows carry placeholder hashes and no heads: only the chained services' chains must verify.
    const chainedProblems = verified.problems.filter((p) => p.chain.startsWith('bench-chained-'));
    console.log(
      `\nVerify (all chains, plain ones included): ${verified.rows} rows in ${verified.chains} chains in ` +
        `${verifySeconds.toFixed(2)} s; chained chains ${chainedProblems.length === 0 ? 'OK' : `TAMPERED (${chainedProblems.length} problems)`}`,
    );
    if (chainedProblems.length > 0) process.exitCode = 1;
  } finally {
    await handle.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
