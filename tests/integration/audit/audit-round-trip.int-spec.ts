import type { Client } from 'pg';
import { TransactionHost } from '@rampart/database';
import { createTestDatabase, type TestDatabase } from '@rampart/testing';
import { AuditLog, computeEntryHash, verifyAuditLog, type JsonValue } from '@rampart/audit';
import { connectPg, entry, hashedFieldsOf } from './support/audit-fixtures';

// Values jsonb, text and timestamptz might change on the way in or out: key order, number notation,
// escapes, Unicode beyond the BMP. Each must read back so that it hashes as it did before the insert.
const tricky: Record<string, JsonValue> = {
  unicode: ['é', '中文', 'עברית', '😀', 'e\u0301', '\u2028\u2029', '\ufeff', '\u007f', 'Ω≈ç√'],
  nested: {
    z: { y: { x: [1, { w: [] }] } },
    a: {},
    '': 'empty key',
    é: 1,
    'z\u00e9': 2,
    '😀': 3,
    '1': 'one',
  },
  ints: [0, 1, -1, 42, 2 ** 31, -(2 ** 31), 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53 + 2],
  floats: [0.1, 0.1 + 0.2, -2.5, 1.5e-7, 1e-7, 123456789.12345679, 3.141592653589793],
  negativeZero: -0,
  large: [1e21, 1.7976931348623157e308, -1.7976931348623157e308, 1e300, 295147905179352830000],
  tiny: [5e-324, 2.2250738585072014e-308, 1e-300],
  emptyArrays: [[], [[]], { list: [] }],
  quotes: ['say "hi"', "it's", '\\', '\\"', 'a\nb\r\nc\td', '\u0001\u001f', '{"not":"json"}', '</script>'],
  literals: [true, false, null],
  protoKey: JSON.parse('{"__proto__":{"polluted":true}}') as JsonValue,
};

describe('audit entries read back from Postgres', () => {
  let db: TestDatabase;
  let admin: Client;
  let log: AuditLog;

  beforeAll(async () => {
    db = await createTestDatabase('audit_round_trip');
    admin = await connectPg(db.adminConfig, 'audit-round-trip-test');
    log = new AuditLog({
      txHost: new TransactionHost(db.prisma().prisma),
      service: 'roundtrip',
      chainShards: 1,
    });
  });

  afterAll(async () => {
    await admin.end();
    await db.drop();
  });

  it('re-hash identically through the verifier for unicode, nesting, every kind of number and escaped strings', async () => {
    for (const [name, value] of Object.entries(tricky)) {
      await log.append(
        entry(1, {
          action: `roundtrip.${name}`,
          actor: 'user:"quoted"\n\u00e9\ud83d\ude00',
          reason: 'line 1\nline 2 with "quotes" and \\ and \t',
          rule: 'rule:\u4e2d',
          causationId: 'cause-1',
          payload: { [name]: value },
          evidence: value,
          occurredAt: new Date('2026-11-23T23:59:59.999Z'),
        }),
      );
    }
    await log.append(entry(2, { payload: [], evidence: 'just a string' }));
    await log.append(entry(3, { payload: -0, evidence: 0 }));
    const result = await verifyAuditLog(admin, { allProblems: true });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, rows: Object.keys(tricky).length + 2 });
  });

  it('re-hash identically from what Prisma returns (Json as objects, BigInt seq, Date timestamps)', async () => {
    const stored = await log.append(
      entry(4, {
        payload: tricky,
        evidence: tricky.nested!,
        occurredAt: new Date('2026-11-23T08:15:00.001Z'),
      }),
    );
    const row = await db.prisma().prisma.auditEntry.findUniqueOrThrow({ where: { id: stored.id } });
    const recomputed = computeEntryHash(row.prevHash, hashedFieldsOf(row));
    expect(recomputed).toBe(row.hash);
    expect(row.hash).toBe(stored.hash);
  });

  it('verifies from a session in another time zone', async () => {
    const elsewhere = await connectPg(db.adminConfig, 'audit-round-trip-tz');
    try {
      await elsewhere.query(`SET TIME ZONE 'Pacific/Chatham'`);
      await expect(verifyAuditLog(elsewhere)).resolves.toMatchObject({ ok: true });
    } finally {
      await elsewhere.end();
    }
  });

  it.each<[string, JsonValue | undefined, string]>([
    ['a NUL character, which jsonb refuses', { text: 'a\u0000b' }, 'payload.text'],
    ['NaN', { score: NaN }, 'payload.score'],
    ['Infinity', [Infinity], 'payload[0]'],
    ['undefined inside an array', { list: [1, undefined] } as unknown as JsonValue, 'payload.list[1]'],
    ['a lone surrogate', { text: '\ud800' }, 'payload.text'],
  ])('refuses a payload with %s before writing anything', async (_name, payload, field) => {
    const before = await admin.query('SELECT count(*)::int AS n FROM audit_log');
    await expect(log.append(entry(5, { payload }))).rejects.toMatchObject({
      code: 'AUDIT_INVALID_ENTRY',
      details: { field },
    });
    const after = await admin.query('SELECT count(*)::int AS n FROM audit_log');
    expect(after.rows[0]).toEqual(before.rows[0]);
  });
});
