import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@rampart/testing';
import { applyMigrations, migrationStatus, pgConnectionConfig, readMigrations } from '@rampart/database';

describe('database migrations', () => {
  let db: TestDatabase;
  let admin: Client;

  beforeAll(async () => {
    db = await createTestDatabase('migrations');
    admin = new Client(pgConnectionConfig(db.adminConfig, { applicationName: 'test', assumeRole: false }));
    await admin.connect();
  });

  afterAll(async () => {
    await admin.end();
    await db.drop();
  });

  it('records every applied migration the way prisma migrate deploy does, with its checksum', async () => {
    const files = readMigrations();
    const rows = await admin.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.rows.entries()) {
      expect(row.checksum).toBe(createHash('sha256').update(files[i].sql).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
    }
  });

  it('applies nothing the second time and reports nothing pending', async () => {
    await expect(applyMigrations(admin)).resolves.toEqual({ applied: [] });
    const status = await migrationStatus(admin);
    expect(status.pending).toEqual([]);
    expect(status.modified).toEqual([]);
  });

  it('refuses to continue when an applied migration file was edited afterwards', async () => {
    const [first, ...rest] = readMigrations();
    const edited = { ...first, checksum: createHash('sha256').update(`${first.sql}\n-- edit`).digest('hex') };
    await expect(applyMigrations(admin, { files: [edited, ...rest] })).rejects.toMatchObject({
      code: 'DATABASE_MIGRATION_MODIFIED',
    });
  });

  it('rolls back a failing migration completely and leaves it pending', async () => {
    const broken = {
      name: '99990101000000_broken',
      sql: 'CREATE TABLE broken_probe (id int); SELECT no_such_function();',
      checksum: 'x'.repeat(64),
    };
    await expect(applyMigrations(admin, { files: [...readMigrations(), broken] })).rejects.toMatchObject({
      code: 'DATABASE_MIGRATION_FAILED',
    });
    const table = await admin.query(`SELECT to_regclass('broken_probe') AS t`);
    expect(table.rows[0].t).toBeNull();
    const status = await migrationStatus(admin, [...readMigrations(), broken]);
    expect(status.pending).toEqual([broken.name]);
  });

  it('lets the services role append to the outbox through Prisma but not rewrite the audit log', async () => {
    const { prisma } = db.prisma();
    const id = randomUUID();
    await prisma.outboxMessage.create({
      data: {
        id,
        service: 'test',
        subject: 'platform.smoke.emitted.v1',
        headers: {},
        payload: Buffer.from('{}'),
      },
    });
    await expect(prisma.outboxMessage.findUnique({ where: { id } })).resolves.toMatchObject({ id });
    await expect(prisma.$executeRawUnsafe('DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
  });
});
