import type { Client } from 'pg';
import { createPrismaClient, TransactionHost, type PrismaHandle } from '@rampart/database';
import { createTestDatabase, waitFor, type TestDatabase } from '@rampart/testing';
import { AuditLog, GENESIS_HASH, verifyAuditLog, type StoredAuditEntry } from '@rampart/audit';
import { connectPg, entry, expectContiguousChain, type ChainRow } from './support/audit-fixtures';

describe('AuditLog under concurrent writers', () => {
  let db: TestDatabase;
  let admin: Client;
  const handles: PrismaHandle[] = [];

  /** A separate Prisma client with its own pool: another replica of the service, as far as Postgres can tell. */
  function replica(name: string, poolMax: number): TransactionHost {
    const handle = createPrismaClient({ ...db.config, poolMax }, name);
    handles.push(handle);
    return new TransactionHost(handle.prisma);
  }

  beforeAll(async () => {
    db = await createTestDatabase('audit_concurrency');
    admin = await connectPg(db.adminConfig, 'audit-concurrency-test');
  });

  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
    await admin.end();
    await db.drop();
  });

  async function chainRows(chain: string): Promise<ChainRow[]> {
    const result = await admin.query<ChainRow>(
      'SELECT seq::text, prev_hash, hash FROM audit_log WHERE chain = $1 ORDER BY audit_log.seq',
      [chain],
    );
    return result.rows;
  }

  it('gives 300 appends from 30 writers on three clients contiguous, unforked chains that verify', async () => {
    const shared = { service: 'busy', chainShards: 3 };
    // 20 writers share client A's 10 connections; clients B and C add 5 writers each on their own pools.
    const a = new AuditLog({ ...shared, txHost: replica('audit-a', 10) });
    const b = new AuditLog({ ...shared, txHost: replica('audit-b', 3) });
    const c = new AuditLog({ ...shared, txHost: replica('audit-c', 3) });
    const plan: { log: AuditLog; writer: number }[] = [
      ...Array.from({ length: 20 }, (_, writer) => ({ log: a, writer })),
      ...Array.from({ length: 5 }, (_, i) => ({ log: b, writer: 20 + i })),
      ...Array.from({ length: 5 }, (_, i) => ({ log: c, writer: 25 + i })),
    ];
    const stored: StoredAuditEntry[] = [];
    await Promise.all(
      plan.map(async ({ log, writer }) => {
        for (let i = 0; i < 10; i++) {
          stored.push(
            await log.append(entry(writer * 100 + i, { resource: `resource:${(writer * 7 + i) % 11}` })),
          );
        }
      }),
    );

    expect(stored).toHaveLength(300);
    const chains = [...new Set(stored.map((s) => s.chain))].sort();
    expect(chains).toEqual(['busy:0', 'busy:1', 'busy:2']);
    let total = 0;
    for (const chain of chains) {
      const rows = await chainRows(chain);
      expectContiguousChain(rows, GENESIS_HASH);
      total += rows.length;
      // What each writer was told matches what is stored: no two appends got the same seq.
      const told = stored.filter((s) => s.chain === chain).map((s) => s.seq);
      expect(new Set(told).size).toBe(rows.length);
    }
    expect(total).toBe(300);
    const result = await verifyAuditLog(admin);
    expect(result).toEqual({ ok: true, rows: 300, chains: 3, anchoredChains: 0, problems: [] });
  });

  it('does not deadlock when concurrent batches touch the same chains in opposite orders', async () => {
    const log = new AuditLog({
      service: 'crossed',
      chainShards: 2,
      txHost: replica('audit-crossed', 8),
      maxAttempts: 1,
    });
    const [r0, r1] = resourcesForChains(log, ['crossed:0', 'crossed:1']);
    await Promise.all(
      Array.from({ length: 16 }, async (_, writer) => {
        for (let i = 0; i < 5; i++) {
          const pair = [entry(i, { resource: r0 }), entry(i, { resource: r1 })];
          await log.appendMany(writer % 2 === 0 ? pair : pair.reverse());
        }
      }),
    );
    for (const chain of ['crossed:0', 'crossed:1']) {
      const rows = await chainRows(chain);
      expect(rows).toHaveLength(80);
      expectContiguousChain(rows, GENESIS_HASH);
    }
  });

  it('lets appends to other chains through while a transaction holds one chain head, and queues those to the same chain', async () => {
    const holderHost = replica('audit-holder', 2);
    const otherHost = replica('audit-other', 2);
    const holderLog = new AuditLog({ service: 'locks', chainShards: 2, txHost: holderHost });
    const otherLog = new AuditLog({ service: 'locks', chainShards: 2, txHost: otherHost });
    const [held, free] = resourcesForChains(holderLog, ['locks:0', 'locks:1']);

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let first: StoredAuditEntry | undefined;
    let firstAppended!: () => void;
    const appended = new Promise<void>((resolve) => (firstAppended = resolve));
    const holder = holderHost.run(async () => {
      first = await holderLog.append(entry(1, { resource: held }));
      firstAppended();
      await gate; // a slow business transaction, still open
    });
    await appended;

    await expect(otherLog.append(entry(2, { resource: free }))).resolves.toMatchObject({
      chain: 'locks:1',
      seq: 1n,
    });

    const queued = otherLog.append(entry(3, { resource: held }));
    await waitFor('the second writer to wait for the chain head lock', async () => {
      const waiting = await admin.query(
        `SELECT 1 FROM pg_stat_activity WHERE application_name = 'audit-other' AND wait_event_type = 'Lock'`,
      );
      return waiting.rowCount === 1;
    });
    release();
    await holder;
    await expect(queued).resolves.toMatchObject({ chain: 'locks:0', seq: 2n, prevHash: first!.hash });
  });
});

/** One resource per wanted chain, found by trying names: shard placement is a hash, not a choice. */
function resourcesForChains(log: AuditLog, chains: string[]): string[] {
  return chains.map((chain) => {
    for (let i = 0; i < 1000; i++) if (log.chainOf(`resource:${i}`) === chain) return `resource:${i}`;
    throw new Error(`no resource maps to ${chain}`);
  });
}
