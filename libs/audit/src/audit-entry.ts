import { AuditError } from './audit-error';
import { assertStorableString, canonicalJson, type JsonValue } from './canonical-json';
import { v7 as uuidV7 } from 'uuid';

/** What a service records: who did what to which resource, why, and in answer to which request. */
export interface AuditEntryInput {
  /** Defaults to a fresh UUIDv7 (time-ordered, so the primary key index stays append-mostly). */
  id?: string;
  /** Who acted: a user id, an API key id, or `service:<name>` for the platform itself. */
  actor: string;
  /** What happened, e.g. `guardrail.verdict.blocked`. */
  action: string;
  /** What it happened to, e.g. `prompt:7f3…`. Also the default shard key. */
  resource: string;
  reason?: string | null;
  /** The policy or detection rule that decided, when one did. */
  rule?: string | null;
  /** What the decision was based on (matched spans, scores). */
  evidence?: JsonValue;
  /** Ties the entry to the request or message that caused it. Required: an audit entry without it cannot be traced. */
  correlationId: string;
  causationId?: string | null;
  /** Defaults to now. Stored and hashed with millisecond precision. */
  occurredAt?: Date;
  payload?: JsonValue;
  /**
   * Entries with the same shard key land in the same chain, hence in a total order. Defaults to `resource`,
   * so the history of one resource reads in the order it was written.
   */
  shardKey?: string;
}

/** An entry as stored and hashed: every optional resolved, JSON values in canonical text. */
export interface AuditRecord {
  id: string;
  chain: string;
  seq: bigint;
  service: string;
  actor: string;
  action: string;
  resource: string;
  reason: string | null;
  rule: string | null;
  /** RFC 8785 text of the evidence, or null. */
  evidenceJson: string | null;
  correlationId: string;
  causationId: string | null;
  /** ISO-8601 UTC with milliseconds: `2026-11-23T08:15:00.042Z`. */
  occurredAt: string;
  /** RFC 8785 text of the payload. */
  payloadJson: string;
  prevHash: string;
  hash: string;
}

/** What `append` returns: where the entry landed in which chain. */
export interface StoredAuditEntry {
  id: string;
  chain: string;
  seq: bigint;
  occurredAt: Date;
  prevHash: string;
  hash: string;
}

/** A validated entry, not yet placed in a chain. */
export type PreparedEntry = Omit<AuditRecord, 'chain' | 'seq' | 'prevHash' | 'hash'> & { shardKey: string };

export interface EntryLimits {
  /** Longest actor, action, resource, rule, correlation and causation id (UTF-16 code units). */
  maxIdentifierLength: number;
  maxReasonLength: number;
  /** Largest canonical payload or evidence, in UTF-8 bytes. */
  maxJsonBytes: number;
}

export const DEFAULT_ENTRY_LIMITS: EntryLimits = {
  maxIdentifierLength: 1024,
  maxReasonLength: 16_384,
  maxJsonBytes: 1_048_576,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// timestamptz(3) and the ISO form both hold these years; outside them the text forms diverge (BC, +YYYYYY).
const MIN_TIME = Date.UTC(1970, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Checks everything before any database work, so a bad entry never leaves a half-done append behind, and
 * resolves defaults so that what is hashed is exactly what is stored.
 */
export function prepareEntry(
  input: AuditEntryInput,
  service: string,
  now: () => Date,
  limits: EntryLimits = DEFAULT_ENTRY_LIMITS,
): PreparedEntry {
  if (typeof input !== 'object' || input === null) fail('entry', 'must be an object');
  const text = (field: string, value: unknown, max: number) => requiredText(field, value, max);
  const actor = text('actor', input.actor, limits.maxIdentifierLength);
  const action = text('action', input.action, limits.maxIdentifierLength);
  const resource = text('resource', input.resource, limits.maxIdentifierLength);
  const correlationId = text('correlationId', input.correlationId, limits.maxIdentifierLength);
  const shardKey = input.shardKey === undefined ? resource : text('shardKey', input.shardKey, Infinity);
  return {
    id: entryId(input.id),
    service,
    actor,
    action,
    resource,
    reason: optionalText('reason', input.reason, limits.maxReasonLength),
    rule: optionalText('rule', input.rule, limits.maxIdentifierLength),
    evidenceJson:
      input.evidence === undefined || input.evidence === null
        ? null
        : json('evidence', input.evidence, limits),
    correlationId,
    causationId: optionalText('causationId', input.causationId, limits.maxIdentifierLength),
    occurredAt: timestamp(input.occurredAt ?? now()),
    payloadJson: json('payload', input.payload ?? {}, limits),
    shardKey,
  };
}

function fail(field: string, problem: string): never {
  throw new AuditError('AUDIT_INVALID_ENTRY', `Audit entry ${field} ${problem}`, { details: { field } });
}

function requiredText(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length === 0) fail(field, 'must be a non-empty string');
  return checkedText(field, value, max);
}

function optionalText(field: string, value: unknown, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail(field, 'must be a string when given');
  return checkedText(field, value, max);
}

function checkedText(field: string, value: string, max: number): string {
  if (value.length > max) fail(field, `is longer than ${max} characters`);
  assertStorableString(value, field);
  return value;
}

function entryId(id: unknown): string {
  if (id === undefined) return uuidV7();
  // Postgres prints uuids in lower case: an upper-case id would read back different from what was hashed.
  if (typeof id !== 'string' || !UUID.test(id)) fail('id', 'must be a UUID (8-4-4-4-12 hex digits)');
  return id.toLowerCase();
}

function timestamp(value: unknown): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail('occurredAt', 'must be a valid Date');
  const time = value.getTime();
  if (time < MIN_TIME || time > MAX_TIME) fail('occurredAt', 'must lie between 1970 and 9999');
  return value.toISOString();
}

function json(field: string, value: unknown, limits: EntryLimits): string {
  const text = canonicalJson(value, { label: field });
  if (Buffer.byteLength(text, 'utf8') > limits.maxJsonBytes) {
    fail(field, `is larger than ${limits.maxJsonBytes} bytes as canonical JSON`);
  }
  return text;
}
