import { AuditError } from './audit-error';
import { DEFAULT_ENTRY_LIMITS, prepareEntry, type AuditEntryInput } from './audit-entry';

const now = () => new Date('2026-11-23T08:15:00.042Z');
const valid: AuditEntryInput = {
  actor: 'user:42',
  action: 'guardrail.verdict.blocked',
  resource: 'prompt:9',
  correlationId: 'corr-1',
};

function refusal(input: unknown): AuditError {
  try {
    prepareEntry(input as AuditEntryInput, 'guardrail', now);
  } catch (error) {
    if (error instanceof AuditError) return error;
    throw error;
  }
  throw new Error('expected prepareEntry to refuse the entry');
}

describe('prepareEntry', () => {
  it('fills the defaults: a UUIDv7 id, now, an empty payload, nulls for absent optionals, the resource as shard key', () => {
    const entry = prepareEntry(valid, 'guardrail', now);
    expect(entry.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(entry).toMatchObject({
      service: 'guardrail',
      occurredAt: '2026-11-23T08:15:00.042Z',
      payloadJson: '{}',
      evidenceJson: null,
      reason: null,
      rule: null,
      causationId: null,
      shardKey: 'prompt:9',
    });
  });

  it('stores payload and evidence as canonical JSON and keeps an explicit shard key', () => {
    const entry = prepareEntry(
      { ...valid, payload: { b: 1, a: [true] }, evidence: { score: 0.5 }, shardKey: 'tenant:7' },
      'guardrail',
      now,
    );
    expect(entry.payloadJson).toBe('{"a":[true],"b":1}');
    expect(entry.evidenceJson).toBe('{"score":0.5}');
    expect(entry.shardKey).toBe('tenant:7');
  });

  it('lower-cases a caller-given id, because Postgres prints uuids in lower case', () => {
    const entry = prepareEntry({ ...valid, id: '0193A0B1-C2D3-7E4F-8A9B-0C1D2E3F4A5B' }, 'guardrail', now);
    expect(entry.id).toBe('0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b');
  });

  it('treats evidence null like absent evidence, so that SQL NULL reads back the same', () => {
    expect(prepareEntry({ ...valid, evidence: null }, 'guardrail', now).evidenceJson).toBeNull();
  });

  it.each([
    ['a missing actor', { ...valid, actor: undefined }, 'actor'],
    ['an empty action', { ...valid, action: '' }, 'action'],
    ['a numeric resource', { ...valid, resource: 7 }, 'resource'],
    ['a missing correlation id', { ...valid, correlationId: undefined }, 'correlationId'],
    ['a non-string reason', { ...valid, reason: 12 }, 'reason'],
    ['a NUL in the actor', { ...valid, actor: 'user\u0000' }, 'actor'],
    ['a lone surrogate in the rule', { ...valid, rule: '\ud800' }, 'rule'],
    ['a malformed id', { ...valid, id: 'not-a-uuid' }, 'id'],
    ['an id in braces', { ...valid, id: '{0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b}' }, 'id'],
    ['an invalid date', { ...valid, occurredAt: new Date('nope') }, 'occurredAt'],
    ['a date string instead of a Date', { ...valid, occurredAt: '2026-11-23T08:15:00Z' }, 'occurredAt'],
    ['a date before 1970', { ...valid, occurredAt: new Date('1969-12-31T23:59:59.999Z') }, 'occurredAt'],
    ['a date after 9999', { ...valid, occurredAt: new Date('+010000-01-01T00:00:00Z') }, 'occurredAt'],
    [
      'an over-long actor',
      { ...valid, actor: 'a'.repeat(DEFAULT_ENTRY_LIMITS.maxIdentifierLength + 1) },
      'actor',
    ],
    ['NaN in the payload', { ...valid, payload: { n: NaN } }, 'payload.n'],
    ['undefined in an evidence array', { ...valid, evidence: [undefined] }, 'evidence[0]'],
    ['an empty shard key', { ...valid, shardKey: '' }, 'shardKey'],
  ])('refuses %s with AUDIT_INVALID_ENTRY naming the field', (_name, input, field) => {
    expect(refusal(input)).toMatchObject({ code: 'AUDIT_INVALID_ENTRY', details: { field } });
  });

  it('refuses a payload larger than the limit, measured in UTF-8 bytes of its canonical form', () => {
    const limits = { ...DEFAULT_ENTRY_LIMITS, maxJsonBytes: 20 };
    expect(() => prepareEntry({ ...valid, payload: { s: '\u20ac'.repeat(5) } }, 'g', now, limits)).toThrow(
      /payload is larger than 20 bytes/,
    );
    expect(() => prepareEntry({ ...valid, payload: { s: 'x'.repeat(12) } }, 'g', now, limits)).not.toThrow();
  });

  it('refuses something that is not an entry at all', () => {
    expect(refusal(null)).toMatchObject({ code: 'AUDIT_INVALID_ENTRY' });
  });
});
