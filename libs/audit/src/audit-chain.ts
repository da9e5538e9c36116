import { createHash } from 'node:crypto';
import { AuditError } from './audit-error';
import type { AuditRecord } from './audit-entry';

/** prev_hash of the first entry of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Shards per service: enough to spread contention, few enough that `rampart audit verify` stays readable. */
export const MAX_CHAIN_SHARDS = 1024;

const SERVICE_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const HASH = /^[0-9a-f]{64}$/;

/** Where a chain ends: its last seq and hash, kept in audit_chain_head. */
export interface ChainHead {
  seq: bigint;
  hash: string;
}

/** The fields a hash covers, exactly as stored. `seq` is text so that no reader has to trust a 64-bit parser. */
export type HashedFields = Omit<AuditRecord, 'hash' | 'prevHash'>;

/**
 * The RFC 8785 text of the hashed envelope
 * `{id, chain, seq, service, actor, action, resource, reason, rule, evidence, correlation_id, causation_id,
 * occurred_at, payload}`. Written out member by member, already in RFC 8785 key order, because payload and
 * evidence arrive as canonical text and re-parsing them for every append would double the cost.
 * The unit tests prove it equal to canonicalizing the whole object.
 */
export function hashMaterial(fields: HashedFields): string {
  const s = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
  return (
    `{"action":${s(fields.action)},"actor":${s(fields.actor)},"causation_id":${s(fields.causationId)}` +
    `,"chain":${s(fields.chain)},"correlation_id":${s(fields.correlationId)}` +
    `,"evidence":${fields.evidenceJson ?? 'null'},"id":${s(fields.id)},"occurred_at":${s(fields.occurredAt)}` +
    `,"payload":${fields.payloadJson},"reason":${s(fields.reason)},"resource":${s(fields.resource)}` +
    `,"rule":${s(fields.rule)},"seq":${s(fields.seq.toString())},"service":${s(fields.service)}}`
  );
}

/** `sha256_hex(prev_hash + "\n" + JCS(envelope))`: each entry commits to its content and to all before it. */
export function computeEntryHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(hashMaterial(fields), 'utf8')
    .digest('hex');
}

export function isHash(value: string): boolean {
  return HASH.test(value);
}

/**
 * Which of a service's chains an entry goes to: a stable hash of its shard key, so the same key always
 * lands in the same chain across processes, restarts and Node versions, and its entries stay in order.
 * Changing the shard count moves keys to other chains from then on; the old chains stay valid.
 */
export function chainFor(service: string, shardKey: string, chainShards: number): string {
  const digest = createHash('sha256').update(shardKey, 'utf8').digest();
  return `${service}:${digest.readUInt32BE(0) % chainShards}`;
}

export function assertServiceName(service: unknown): asserts service is string {
  if (typeof service !== 'string' || !SERVICE_NAME.test(service)) {
    throw new AuditError(
      'AUDIT_INVALID_OPTIONS',
      `Audit service name "${String(service)}" must be lower-case letters, digits and dashes (it names chains)`,
    );
  }
}

export function assertChainShards(chainShards: unknown): asserts chainShards is number {
  if (
    !Number.isInteger(chainShards) ||
    (chainShards as number) < 1 ||
    (chainShards as number) > MAX_CHAIN_SHARDS
  ) {
    throw new AuditError(
      'AUDIT_INVALID_OPTIONS',
      `Audit chainShards must be an integer from 1 to ${MAX_CHAIN_SHARDS}, got ${String(chainShards)}`,
    );
  }
}
