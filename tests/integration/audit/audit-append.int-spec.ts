import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { TransactionHost } from '@rampart/database';
import { createTestDatabase, type TestDatabase } from '@rampart/testing';
import { AuditLog, GENESIS_HASH, verifyAuditLog } from '@rampart/audit';
import { connectPg, entry, expectContiguousChain, type ChainRow } from './support/audit-fixtures';

describe('AuditLog appends', () => {
  let db: TestDatabase;
  let txHost: TransactionHost;
  let admin: Client;

  beforeAll(async () => {
    db = await createTestDatabase('audit_append');
    txHost = new TransactionHost(db.prisma().prisma);
    admin = await connectPg(db.adminConfig, 'audit-append-test');
  });

  afterAll(async () => {
    await admin.end();
    await db.drop();
  });

  const rowsOf = async (chain: string) =>
    (
      await admin.query<ChainRow & { id: string }>(
        'SELECT id::text, seq::text, prev_hash, hash FROM audit_log WHERE chain = $1 ORDER BY audit_log.seq',
        [chain],
      )
    ).rows;
  const headOf = async (chain: string) =>
    (
      await admin.query<{ seq: string; hash: string }>(
        'SELECT seq::text, hash FROM audit_chain_head WHERE chain = $1',
        [chain],
      )
    ).rows[0];

  it('stores an entry at seq 1 of its chain, linked to the genesis hash, and returns where it landed', async () => {
    const log = new AuditLog({ txHost, service: 'first', chainShards: 4 });
    const stored = await log.append(entry(1, { occurredAt: new Date('2026-11-23T08:15:00.042Z') }));
    expect(stored).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      chain: log.chainOf('policy:1'),
      seq: 1n,
      occurredAt: new Date('2026-11-23T08:15:00.042Z'),
      prevHash: GENESIS_HASH,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await rowsOf(stored.chain)).toEqual([
      { id: stored.id, seq: '1', prev_hash: GENESIS_HASH, hash: stored.hash },
    ]);
    expect(await headOf(stored.chain)).toEqual({ seq: '1', hash: stored.hash });
  });

  it('keeps the entries about one resource in one chain, in the order they were appended', async () => {
    const log = new AuditLog({ txHost, service: 'ordered', chainShards: 8 });
    const stored = [];
    for (let i = 0; i < 5; i++) stored.push(await log.append(entry(i, { resource: 'incident:42' })));
    expect(new Set(stored.map((s) => s.chain))).toEqual(new Set([log.chainOf('incident:42')]));
    expect(stored.map((s) => s.seq)).toEqual([1n, 2n, 3n, 4n, 5n]);
    const rows = await rowsOf(stored[0].chain);
    expectContiguousChain(rows, GENESIS_HASH);
    expect(rows.map((r) => r.id)).toEqual(stored.map((s) => s.id));
  });

  it('appends a batch across chains atomically, returning the entries in input order with contiguous seqs per chain', async () => {
    const log = new AuditLog({ txHost, service: 'batch', chainShards: 3 });
    const inputs = Array.from({ length: 30 }, (_, i) => entry(i));
    const stored = await log.appendMany(inputs);
    expect(stored.map((s) => s.chain)).toEqual(inputs.map((input) => log.chainOf(input.resource)));
    const chains = [...new Set(stored.map((s) => s.chain))];
    expect(chains.length).toBe(3);
    for (const chain of chains) {
      const ofChain = stored.filter((s) => s.chain === chain);
      expect(ofChain.map((s) => s.seq)).toEqual(ofChain.map((_, i) => BigInt(i + 1)));
      expectContiguousChain(await rowsOf(chain), GENESIS_HASH);
      expect(await headOf(chain)).toEqual({
        seq: String(ofChain.length),
        hash: ofChain[ofChain.length - 1].hash,
      });
    }
  });

  it('splits a batch larger than one statement holds and still produces one contiguous chain', async () => {
    const log = new AuditLog({ txHost, service: 'large', chainShards: 1 });
    const stored = await log.appendMany(Array.from({ length: 2500 }, (_, i) => entry(i)));
    expect(stored[2499].seq).toBe(2500n);
    expectContiguousChain(await rowsOf('large:0'), GENESIS_HASH);
    await expect(verifyAuditLog(admin, { chain: 'large:0' })).resolves.toMatchObject({
      ok: true,
      rows: 2500,
    });
  });

  it('leaves no entry and no head movement when the transaction it joined rolls back', async () => {
    const log = new AuditLog({ txHost, service: 'rollback', chainShards: 1 });
    const before = await log.append(entry(1));
    const failure = new Error('business rule failed after auditing');
    await expect(
      txHost.run(async () => {
        await log.append(entry(2));
        await log.appendMany([entry(3), entry(4)]);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await rowsOf('rollback:0')).toHaveLength(1);
    expect(await headOf('rollback:0')).toEqual({ seq: '1', hash: before.hash });

    const fresh = new AuditLog({ txHost, service: 'rollback-new', chainShards: 1 });
    await expect(
      txHost.run(async () => {
        await fresh.append(entry(1));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await headOf('rollback-new:0')).toBeUndefined();
  });

  it('commits together with the business write of the transaction it joined', async () => {
    const log = new AuditLog({ txHost, service: 'joined', chainShards: 1 });
    const outboxId = randomUUID();
    const stored = await txHost.run(async (tx) => {
      await tx.outboxMessage.create({
        data: { id: outboxId, service: 'joined', subject: 's', headers: {}, payload: Buffer.from('{}') },
      });
      return log.append(entry(1, { payload: { outboxId } }));
    });
    const outbox = await admin.query('SELECT 1 FROM bus_outbox WHERE id = $1', [outboxId]);
    expect(outbox.rowCount).toBe(1);
    expect((await rowsOf('joined:0')).map((r) => r.id)).toEqual([stored.id]);
  });

  it('refuses an invalid entry in a batch before writing any of it', async () => {
    const log = new AuditLog({ txHost, service: 'invalid', chainShards: 1 });
    await expect(
      log.appendMany([entry(1), entry(2, { payload: { text: 'nul\u0000' } })]),
    ).rejects.toMatchObject({
      code: 'AUDIT_INVALID_ENTRY',
      details: { field: 'payload.text' },
    });
    expect(await headOf('invalid:0')).toBeUndefined();
    expect(await rowsOf('invalid:0')).toEqual([]);
  });

  it('refuses a second entry with the same id as AUDIT_DUPLICATE_ENTRY without moving the head', async () => {
    const log = new AuditLog({ txHost, service: 'duplicate', chainShards: 1 });
    const id = randomUUID();
    const first = await log.append(entry(1, { id }));
    await expect(log.append(entry(2, { id }))).rejects.toMatchObject({
      code: 'AUDIT_DUPLICATE_ENTRY',
      status: 409,
    });
    expect(await headOf('duplicate:0')).toEqual({ seq: '1', hash: first.hash });
  });

  it('reports each append to the metrics hook with its entry count and duration', async () => {
    const calls: [number, number][] = [];
    const log = new AuditLog({
      txHost,
      service: 'metrics',
      chainShards: 2,
      onAppended: (count, seconds) => calls.push([count, seconds]),
    });
    await log.append(entry(1));
    await log.appendMany([entry(2), entry(3), entry(4)]);
    await log.appendMany([]);
    expect(calls.map(([count]) => count)).toEqual([1, 3]);
    for (const [, seconds] of calls) expect(seconds).toBeGreaterThan(0);
  });

  it('refuses a service name that cannot name a chain and a shard count out of range', () => {
    expect(() => new AuditLog({ txHost, service: 'Bad:Name', chainShards: 1 })).toThrow(/service name/);
    expect(() => new AuditLog({ txHost, service: 'ok', chainShards: 0 })).toThrow(/chainShards/);
  });
});
