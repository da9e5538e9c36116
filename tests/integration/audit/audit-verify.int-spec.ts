import { Pool, type Client } from 'pg';
import { pgConnectionConfig, TransactionHost } from '@rampart/database';
import { createTestDatabase, type TestDatabase } from '@rampart/testing';
import {
  AuditLog,
  canonicalJson,
  computeEntryHash,
  formatVerifyReport,
  verifyAuditLog,
  type AuditRecord,
} from '@rampart/audit';
import { connectPg, entry, tamper } from './support/audit-fixtures';

describe('verifyAuditLog against a tampered log', () => {
  let db: TestDatabase;
  let admin: Client;
  let txHost: TransactionHost;

  beforeAll(async () => {
    db = await createTestDatabase('audit_verify');
    admin = await connectPg(db.adminConfig, 'audit-verify-test');
    txHost = new TransactionHost(db.prisma().prisma);
  });

  afterAll(async () => {
    await admin.end();
    await db.drop();
  });

  /** A one-chain service with `count` entries; returns its chain name. */
  async function chainOf(service: string, count: number): Promise<string> {
    const log = new AuditLog({ txHost, service, chainShards: 1 });
    await log.appendMany(Array.from({ length: count }, (_, i) => entry(i + 1)));
    return `${service}:0`;
  }

  /** The row as the verifier sees it, to forge a consistent replacement the way an informed attacker would. */
  async function readRecord(chain: string, seq: number): Promise<AuditRecord> {
    const { rows } = await admin.query<Record<string, string | null>>(
      `SELECT id::text, chain, service, actor, action, resource, reason, rule, evidence::text AS evidence,
              correlation_id, causation_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
              payload::text AS payload, prev_hash, hash
         FROM audit_log WHERE chain = $1 AND seq = $2`,
      [chain, seq],
    );
    const r = rows[0];
    return {
      id: r.id!,
      chain: r.chain!,
      seq: BigInt(seq),
      service: r.service!,
      actor: r.actor!,
      action: r.action!,
      resource: r.resource!,
      reason: r.reason,
      rule: r.rule,
      evidenceJson: r.evidence,
      correlationId: r.correlation_id!,
      causationId: r.causation_id,
      occurredAt: r.occurred_at!,
      payloadJson: canonicalJson(JSON.parse(r.payload!)),
      prevHash: r.prev_hash!,
      hash: r.hash!,
    };
  }

  it('passes an intact log and prints the OK line', async () => {
    await chainOf('intact', 12);
    const result = await verifyAuditLog(admin, { chain: 'intact:0' });
    expect(result).toEqual({ ok: true, rows: 12, chains: 1, anchoredChains: 0, problems: [] });
    expect(formatVerifyReport(result)).toBe('OK: 12 entries in 1 chain verified');
  });

  it('detects an edited row as edited at its seq', async () => {
    const chain = await chainOf('edited', 20);
    await tamper(admin, [
      [`UPDATE audit_log SET actor = 'user:mallory' WHERE chain = $1 AND seq = 7`, [chain]],
    ]);
    const result = await verifyAuditLog(admin, { chain });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ chain, seq: 7n, kind: 'edited', detail: expect.any(String) }]);
    expect(formatVerifyReport(result)).toMatch(
      /^TAMPERED: chain edited:0 at seq 7: edited \(content hashes to /,
    );
  });

  it('detects an edited jsonb payload as edited', async () => {
    const chain = await chainOf('edited-json', 10);
    await tamper(admin, [
      [
        `UPDATE audit_log SET payload = jsonb_set(payload, '{n}', '999') WHERE chain = $1 AND seq = 4`,
        [chain],
      ],
    ]);
    expect((await verifyAuditLog(admin, { chain })).problems).toMatchObject([{ seq: 4n, kind: 'edited' }]);
  });

  it('detects a deleted row as deleted at its seq', async () => {
    const chain = await chainOf('deleted', 20);
    await tamper(admin, [['DELETE FROM audit_log WHERE chain = $1 AND seq = 12', [chain]]]);
    expect((await verifyAuditLog(admin, { chain })).problems).toEqual([
      { chain, seq: 12n, kind: 'deleted', detail: 'seq 12 missing: the chain jumps to seq 13' },
    ]);
  });

  it('detects two rows whose seqs were swapped (through a temporary seq) as reordered', async () => {
    const chain = await chainOf('swapped', 20);
    await tamper(admin, [
      ['UPDATE audit_log SET seq = -5 WHERE chain = $1 AND seq = 5', [chain]],
      ['UPDATE audit_log SET seq = 5 WHERE chain = $1 AND seq = 6', [chain]],
      ['UPDATE audit_log SET seq = 6 WHERE chain = $1 AND seq = -5', [chain]],
    ]);
    expect((await verifyAuditLog(admin, { chain })).problems).toEqual([
      { chain, seq: 5n, kind: 'reordered', detail: 'links to the entry at seq 6 instead of seq 4' },
    ]);
  });

  it('detects a truncated tail as truncated at the first missing seq', async () => {
    const chain = await chainOf('truncated', 20);
    await tamper(admin, [['DELETE FROM audit_log WHERE chain = $1 AND seq > 15', [chain]]]);
    expect((await verifyAuditLog(admin, { chain })).problems).toEqual([
      { chain, seq: 16n, kind: 'truncated', detail: 'the chain ends at seq 15 but its head is at seq 20' },
    ]);
  });

  it('detects a row rewritten with a correctly recomputed hash, in the middle and at the end of a chain', async () => {
    const chain = await chainOf('forged', 10);
    for (const seq of [4, 10]) {
      const forged = { ...(await readRecord(chain, seq)), actor: 'user:mallory' };
      const hash = computeEntryHash(forged.prevHash, forged);
      await tamper(admin, [
        [
          `UPDATE audit_log SET actor = $3, hash = $4 WHERE chain = $1 AND seq = $2`,
          [chain, seq, forged.actor, hash],
        ],
      ]);
    }
    const result = await verifyAuditLog(admin, { chain, allProblems: true });
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([
      [4n, 'deleted'],
      [10n, 'head-mismatch'],
    ]);
  });

  it('detects rows appended behind the head and a chain whose head was removed', async () => {
    const extended = await chainOf('extended', 5);
    const last = await readRecord(extended, 5);
    const forged = { ...last, id: '0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b', seq: 6n, prevHash: last.hash };
    const forgedHash = computeEntryHash(forged.prevHash, forged);
    await tamper(admin, [
      [
        `INSERT INTO audit_log SELECT $2::uuid, chain, 6, service, actor, action, resource, reason, rule, evidence,
           correlation_id, causation_id, occurred_at, payload, $3, $4 FROM audit_log WHERE chain = $1 AND seq = 5`,
        [extended, forged.id, forged.prevHash, forgedHash],
      ],
    ]);
    expect((await verifyAuditLog(admin, { chain: extended })).problems).toMatchObject([
      { seq: 6n, kind: 'head-mismatch' },
    ]);

    const headless = await chainOf('headless', 3);
    await tamper(admin, [['DELETE FROM audit_chain_head WHERE chain = $1', [headless]]]);
    expect((await verifyAuditLog(admin, { chain: headless })).problems).toEqual([
      { chain: headless, seq: 1n, kind: 'orphan', detail: '3 entries up to seq 3 but no chain head' },
    ]);
  });

  it('verifies across batch boundaries and reports progress batch by batch', async () => {
    const chain = await chainOf('batches', 50);
    const progress: number[] = [];
    const intact = await verifyAuditLog(admin, { chain, batchSize: 7, onProgress: (n) => progress.push(n) });
    expect(intact).toMatchObject({ ok: true, rows: 50 });
    expect(progress).toEqual([7, 14, 21, 28, 35, 42, 49, 50]);

    // Rows 14 and 15 straddle the boundary between the second and third batch.
    await tamper(admin, [
      ['UPDATE audit_log SET seq = -14 WHERE chain = $1 AND seq = 14', [chain]],
      ['UPDATE audit_log SET seq = 14 WHERE chain = $1 AND seq = 15', [chain]],
      ['UPDATE audit_log SET seq = 15 WHERE chain = $1 AND seq = -14', [chain]],
      [`UPDATE audit_log SET reason = 'edited' WHERE chain = $1 AND seq = 36`, [chain]],
    ]);
    const result = await verifyAuditLog(admin, { chain, batchSize: 7, allProblems: true });
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([
      [14n, 'reordered'],
      [15n, 'reordered'],
      [16n, 'reordered'],
      [36n, 'edited'],
    ]);
  });

  it('reports the first problem of every tampered chain in one full run, through a pool, as the services role', async () => {
    const pool = new Pool({
      ...pgConnectionConfig(db.config, { applicationName: 'audit-verify-pool', assumeRole: true }),
      max: 2,
    });
    try {
      const result = await verifyAuditLog(pool);
      expect(result.ok).toBe(false);
      const firstPerChain = Object.fromEntries(result.problems.map((p) => [p.chain, `${p.kind}@${p.seq}`]));
      expect(firstPerChain).toEqual({
        'batches:0': 'reordered@14',
        'deleted:0': 'deleted@12',
        'edited-json:0': 'edited@4',
        'edited:0': 'edited@7',
        'extended:0': 'head-mismatch@6',
        'forged:0': 'deleted@4',
        'headless:0': 'orphan@1',
        'swapped:0': 'reordered@5',
        'truncated:0': 'truncated@16',
      });
      expect(result.chains).toBe(10);
      expect(pool.idleCount).toBe(pool.totalCount);
      expect(formatVerifyReport(result).split('\n').pop()).toMatch(
        /^9 problems in 9 of 10 chains; \d+ entries checked$/,
      );
    } finally {
      await pool.end();
    }
  });

  it('reports no chains for a chain that does not exist, and refuses a nonsensical batch size', async () => {
    await expect(verifyAuditLog(admin, { chain: 'nobody:0' })).resolves.toEqual({
      ok: true,
      rows: 0,
      chains: 0,
      anchoredChains: 0,
      problems: [],
    });
    await expect(verifyAuditLog(admin, { batchSize: 0 })).rejects.toMatchObject({
      code: 'AUDIT_INVALID_OPTIONS',
    });
  });
});
