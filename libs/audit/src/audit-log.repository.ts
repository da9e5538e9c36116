import type { Tx } from '@rampart/database';
import { AuditError } from './audit-error';
import type { AuditRecord } from './audit-entry';
import type { ChainHead } from './audit-chain';

// Creates the head on a chain's first append and row-locks it in one round trip. Concurrent appenders to
// the same chain queue on this lock until the holder commits; appenders to other chains never meet.
// Under READ COMMITTED the waiter then sees the committed head, so it continues the chain, never forks it.
const LOCK_HEAD = `
INSERT INTO audit_chain_head (chain) VALUES ($1)
ON CONFLICT (chain) DO UPDATE SET chain = EXCLUDED.chain
RETURNING seq::text AS seq, hash`;

// One statement per batch: the rows go in as parallel arrays (a constant 20 parameters whatever the batch
// size) and the head advances only if every row went in. The unique (chain, seq) index is the backstop: a
// writer that somehow bypassed the head lock fails here instead of forking the chain.
const INSERT_AND_ADVANCE = `
WITH inserted AS (
  INSERT INTO audit_log (id, chain, seq, service, actor, action, resource, reason, rule, evidence,
                         correlation_id, causation_id, occurred_at, payload, prev_hash, hash)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
                       $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::text[], $13::timestamptz[],
                       $14::jsonb[], $15::text[], $16::text[])
  RETURNING 1
)
UPDATE audit_chain_head SET seq = $17::bigint, hash = $18, updated_at = now()
WHERE chain = $19 AND (SELECT count(*) FROM inserted) = $20
RETURNING seq::text AS seq`;

/** The SQL of appending; the hashing and ordering decisions live in AuditLog. */
export class AuditLogRepository {
  async lockHead(tx: Tx, chain: string): Promise<ChainHead> {
    const rows = await tx.$queryRawUnsafe<{ seq: string; hash: string }[]>(LOCK_HEAD, chain);
    const head = rows[0];
    if (!head) throw new AuditError('AUDIT_APPEND_FAILED', `Audit chain head ${chain} could not be locked`);
    return { seq: BigInt(head.seq), hash: head.hash };
  }

  /** Inserts consecutive records of one chain and moves its head to the last of them. */
  async insertAndAdvance(tx: Tx, chain: string, records: readonly AuditRecord[]): Promise<void> {
    const last = records[records.length - 1];
    if (!last) return;
    const column = <K extends keyof AuditRecord>(key: K) => records.map((r) => r[key]);
    const rows = await tx.$queryRawUnsafe<{ seq: string }[]>(
      INSERT_AND_ADVANCE,
      column('id'),
      column('chain'),
      records.map((r) => r.seq.toString()),
      column('service'),
      column('actor'),
      column('action'),
      column('resource'),
      column('reason'),
      column('rule'),
      column('evidenceJson'),
      column('correlationId'),
      column('causationId'),
      column('occurredAt'),
      column('payloadJson'),
      column('prevHash'),
      column('hash'),
      last.seq.toString(),
      last.hash,
      chain,
      records.length,
    );
    if (rows.length !== 1) {
      throw new AuditError(
        'AUDIT_APPEND_FAILED',
        `Audit chain head ${chain} did not advance to seq ${last.seq}`,
      );
    }
  }
}
