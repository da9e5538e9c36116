import type { Client } from 'pg';
import { TransactionHost } from '@rampart/database';
import { createTestDatabase, type TestDatabase } from '@rampart/testing';
import { AuditLog, verifyAuditLog } from '@rampart/audit';
import { connectPg, entry } from './support/audit-fixtures';

describe('the audit log is append-only in the database itself', () => {
  let db: TestDatabase;
  let service: Client;
  let owner: Client;

  beforeAll(async () => {
    db = await createTestDatabase('audit_permissions');
    const log = new AuditLog({
      txHost: new TransactionHost(db.prisma().prisma),
      service: 'perm',
      chainShards: 1,
    });
    await log.appendMany([entry(1), entry(2), entry(3)]);
    service = await connectPg(db.config, 'audit-permissions-service');
    owner = await connectPg(db.adminConfig, 'audit-permissions-owner');
  });

  afterAll(async () => {
    await service.end();
    await owner.end();
    await db.drop();
  });

  it('connects the services as the rampart_service role', async () => {
    const who = await service.query<{ current_user: string }>('SELECT current_user');
    expect(who.rows[0].current_user).toBe('rampart_service');
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET actor = 'user:mallory'`],
    ['DELETE', 'DELETE FROM audit_log'],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ])('denies the services role %s on audit_log', async (_op, sql) => {
    await expect(service.query(sql)).rejects.toThrow(/permission denied for table audit_log/);
  });

  it('lets the services role through Prisma neither update nor delete entries', async () => {
    const { prisma } = db.prisma();
    await expect(prisma.auditEntry.updateMany({ data: { actor: 'user:mallory' } })).rejects.toThrow(
      /permission denied/,
    );
    await expect(prisma.auditEntry.deleteMany({})).rejects.toThrow(/permission denied/);
  });

  it('denies the services role deleting or truncating chain heads', async () => {
    await expect(service.query('DELETE FROM audit_chain_head')).rejects.toThrow(/permission denied/);
    await expect(service.query('TRUNCATE audit_chain_head')).rejects.toThrow(/permission denied/);
  });

  it('stops even the owner (a superuser) with the trigger while triggers are enabled', async () => {
    await expect(owner.query(`UPDATE audit_log SET actor = 'user:mallory'`)).rejects.toThrow(
      /audit_log is append-only: UPDATE is not allowed/,
    );
    await expect(owner.query('DELETE FROM audit_log')).rejects.toThrow(
      /audit_log is append-only: DELETE is not allowed/,
    );
    await expect(owner.query('TRUNCATE audit_log')).rejects.toThrow(
      /audit_log is append-only: TRUNCATE is not allowed/,
    );
  });

  it('lets no one move a chain head backwards or remove it while triggers are enabled', async () => {
    for (const client of [service, owner]) {
      await expect(
        client.query(`UPDATE audit_chain_head SET seq = 1 WHERE chain = 'perm:0'`),
      ).rejects.toThrow(/audit_chain_head only moves forward/);
    }
    await expect(owner.query('DELETE FROM audit_chain_head')).rejects.toThrow(
      /audit_chain_head only moves forward/,
    );
    await expect(owner.query('TRUNCATE audit_chain_head')).rejects.toThrow(
      /audit_chain_head only moves forward/,
    );
  });

  it('lets no one rewrite a chain head hash without advancing its seq', async () => {
    for (const client of [service, owner]) {
      await expect(
        client.query(`UPDATE audit_chain_head SET hash = repeat('f', 64) WHERE chain = 'perm:0'`),
      ).rejects.toThrow(/audit_chain_head only moves forward/);
    }
  });

  it('leaves the log intact after all those attempts', async () => {
    await expect(verifyAuditLog(service)).resolves.toEqual({
      ok: true,
      rows: 3,
      chains: 1,
      anchoredChains: 0,
      problems: [],
    });
  });
});
