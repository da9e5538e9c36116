import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Client } from 'pg';
import {
  AuditAnchorer,
  AuditLog,
  computeEntryHash,
  KvAuditAnchorStore,
  verifyAuditLog,
} from '@rampart/audit';
import { TransactionHost } from '@rampart/database';
import {
  createTestDatabase,
  createTestNamespace,
  infraUrls,
  type TestDatabase,
  type TestNamespace,
} from '@rampart/testing';
import { connectPg, entry, hashedFieldsOf, tamper } from './support/audit-fixtures';

/**
 * A superuser can rewrite rows, hashes and heads together so that the database is consistent in itself.
 * Chain heads anchored in NATS, a separate system, are what still tells.
 */
describe('audit chain heads anchored outside the database', () => {
  let db: TestDatabase;
  let ns: TestNamespace;
  let nc: NatsConnection;
  let admin: Client;
  let store: KvAuditAnchorStore;
  let log: AuditLog;
  let anchorer: AuditAnchorer;

  beforeAll(async () => {
    db = await createTestDatabase('audit_anchors');
    ns = createTestNamespace('audit_anchors', db.config.schema);
    nc = await connect({ servers: infraUrls().natsUrl });
    store = await KvAuditAnchorStore.open(nc, ns.naming.bucket('AUDIT_ANCHORS'), { create: true });
    const txHost = new TransactionHost(db.prisma().prisma);
    log = new AuditLog({ txHost, service: 'guardrail', chainShards: 1 });
    anchorer = new AuditAnchorer({ txHost, store, service: 'guardrail', intervalMs: 60_000 });
    admin = await connectPg(db.adminConfig, 'audit-anchors-admin');
  });

  afterAll(async () => {
    await admin.end();
    await nc.close();
    await ns.cleanup();
    await db.drop();
  });

  const verify = async (withAnchors: boolean) => {
    const anchors = withAnchors ? await store.list() : undefined;
    const client = await connectPg(db.config, 'audit-anchors-verify');
    try {
      return await verifyAuditLog(client, { anchors });
    } finally {
      await client.end();
    }
  };

  it('anchors each chain head once it moves, and never moves an anchor backwards', async () => {
    for (let n = 1; n <= 10; n++) await log.append(entry(n));
    await expect(anchorer.anchorNow()).resolves.toBe(1);
    await expect(anchorer.anchorNow()).resolves.toBe(0);
    const anchors = await store.list();
    expect(anchors.get('guardrail:0')).toMatchObject({ chain: 'guardrail:0', seq: 10n });
    await expect(
      store.advance({ ...anchors.get('guardrail:0')!, seq: 4n, hash: 'f'.repeat(64) }),
    ).resolves.toBe(false);
    expect((await store.list()).get('guardrail:0')?.seq).toBe(10n);
    const result = await verify(true);
    expect(result).toMatchObject({ ok: true, anchoredChains: 1 });
  });

  it('catches a tail cut off together with its head, which the hash chain alone accepts', async () => {
    for (let n = 11; n <= 12; n++) await log.append(entry(n));
    await anchorer.anchorNow();
    const { rows } = await admin.query<{ hash: string }>(
      `SELECT hash FROM audit_log WHERE chain = 'guardrail:0' AND seq = 9`,
    );
    await tamper(admin, [
      [`DELETE FROM audit_log WHERE chain = 'guardrail:0' AND seq > 9`],
      [`UPDATE audit_chain_head SET seq = 9, hash = $1 WHERE chain = 'guardrail:0'`, [rows[0].hash]],
    ]);

    await expect(verify(false)).resolves.toMatchObject({ ok: true });
    const anchored = await verify(true);
    expect(anchored.ok).toBe(false);
    expect(anchored.problems[0]).toMatchObject({ chain: 'guardrail:0', seq: 10n, kind: 'truncated' });
  });

  it('catches an entry rewritten with a recomputed hash and head, which the hash chain alone accepts', async () => {
    const txHost = new TransactionHost(db.prisma().prisma);
    const incident = new AuditLog({ txHost, service: 'incident', chainShards: 1 });
    for (let n = 1; n <= 3; n++) await incident.append(entry(n));
    await new AuditAnchorer({ txHost, store, service: 'incident', intervalMs: 60_000 }).anchorNow();

    const row = await db.prisma().prisma.auditEntry.findFirstOrThrow({
      where: { chain: 'incident:0' },
      orderBy: { seq: 'desc' },
    });
    const forgedHash = computeEntryHash(row.prevHash, hashedFieldsOf(row, { actor: 'someone-innocent' }));
    await tamper(admin, [
      [`UPDATE audit_log SET actor = 'someone-innocent', hash = $1 WHERE id = $2`, [forgedHash, row.id]],
      [`UPDATE audit_chain_head SET hash = $1 WHERE chain = $2`, [forgedHash, row.chain]],
    ]);

    const client = await connectPg(db.config, 'audit-anchors-verify');
    try {
      await expect(verifyAuditLog(client, { chain: 'incident:0' })).resolves.toMatchObject({ ok: true });
      const result = await verifyAuditLog(client, { chain: 'incident:0', anchors: await store.list() });
      expect(result.problems).toEqual([
        expect.objectContaining({ chain: 'incident:0', seq: row.seq, kind: 'rewritten' }),
      ]);
    } finally {
      await client.end();
    }
  });
});
