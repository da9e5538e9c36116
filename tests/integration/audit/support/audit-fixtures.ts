import { Client } from 'pg';
import type { DatabaseConfig } from '@rampart/config';
import { pgConnectionConfig } from '@rampart/database';
import { canonicalJson, type AuditEntryInput, type HashedFields } from '@rampart/audit';
import type { AuditEntry } from '@rampart/database';

/** A plain pg client on the given settings (admin: superuser, no role; config: the services' role). */
export async function connectPg(config: DatabaseConfig, applicationName: string): Promise<Client> {
  const client = new Client(
    pgConnectionConfig(config, { applicationName, assumeRole: config.role !== undefined }),
  );
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Changes the log the way an attacker with superuser rights would: replica mode skips the append-only
 * triggers, so only the hash chains can tell.
 */
export async function tamper(admin: Client, statements: [string, unknown[]?][]): Promise<void> {
  await admin.query('BEGIN');
  try {
    await admin.query('SET LOCAL session_replication_role = replica');
    for (const [sql, params] of statements) await admin.query(sql, params);
    await admin.query('COMMIT');
  } catch (error) {
    await admin.query('ROLLBACK');
    throw error;
  }
}

export function entry(n: number, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    actor: `user:${n % 7}`,
    action: 'policy.updated',
    resource: `policy:${n}`,
    reason: n % 3 === 0 ? `change ${n}` : undefined,
    correlationId: `corr-${n}`,
    payload: { n, tags: ['a', 'b'] },
    ...overrides,
  };
}

export interface ChainRow {
  seq: string;
  prev_hash: string;
  hash: string;
}

/** Asserts what "no fork" means: seqs 1..n without gaps or repeats, each row linked to the one before. */
export function expectContiguousChain(rows: ChainRow[], genesis: string): void {
  let prev = genesis;
  rows.forEach((row, i) => {
    if (row.seq !== String(i + 1)) throw new Error(`expected seq ${i + 1}, found ${row.seq}`);
    if (row.prev_hash !== prev) throw new Error(`seq ${row.seq} does not link to seq ${i}`);
    prev = row.hash;
  });
}

/** The hashed fields of a row read through Prisma: what a verifier, or a forger, recomputes a hash from. */
export function hashedFieldsOf(row: AuditEntry, changes: Partial<HashedFields> = {}): HashedFields {
  return {
    id: row.id,
    chain: row.chain,
    seq: row.seq,
    service: row.service,
    actor: row.actor,
    action: row.action,
    resource: row.resource,
    reason: row.reason,
    rule: row.rule,
    evidenceJson: row.evidence === null ? null : canonicalJson(row.evidence),
    correlationId: row.correlationId,
    causationId: row.causationId,
    occurredAt: row.occurredAt.toISOString(),
    payloadJson: canonicalJson(row.payload),
    ...changes,
  };
}
