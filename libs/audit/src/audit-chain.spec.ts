import { createHash } from 'node:crypto';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the package's file itself, as no export condition fits
import canonicalize from '../../../node_modules/canonicalize/lib/canonicalize.js';
import { AuditError } from './audit-error';
import {
  assertChainShards,
  assertServiceName,
  chainFor,
  computeEntryHash,
  GENESIS_HASH,
  hashMaterial,
  type HashedFields,
} from './audit-chain';
import { canonicalJson } from './canonical-json';

const fields: HashedFields = {
  id: '01936f4e-8a00-7000-8000-000000000001',
  chain: 'guardrail:2',
  seq: 17n,
  service: 'guardrail',
  actor: 'user:42',
  action: 'guardrail.verdict.blocked',
  resource: 'prompt:9',
  reason: 'jailbreak "DAN"\nsecond line',
  rule: 'rule:jb-1',
  evidenceJson: '{"score":0.97,"spans":[[0,12]]}',
  correlationId: 'corr-1',
  causationId: null,
  occurredAt: '2026-11-23T08:15:00.042Z',
  payloadJson: '{"model":"gpt","tokens":[]}',
};

/** The envelope as the design specifies it, canonicalized as a whole. */
function envelope(f: HashedFields) {
  return {
    id: f.id,
    chain: f.chain,
    seq: f.seq.toString(),
    service: f.service,
    actor: f.actor,
    action: f.action,
    resource: f.resource,
    reason: f.reason,
    rule: f.rule,
    evidence: f.evidenceJson === null ? null : JSON.parse(f.evidenceJson),
    correlation_id: f.correlationId,
    causation_id: f.causationId,
    occurred_at: f.occurredAt,
    payload: JSON.parse(f.payloadJson),
  };
}

describe('audit chain hashing', () => {
  it('builds the hashed text as the RFC 8785 form of the whole envelope, by our canonicalizer and the reference one', () => {
    const variants: HashedFields[] = [
      fields,
      { ...fields, reason: null, rule: null, evidenceJson: null, causationId: 'msg-7' },
      {
        ...fields,
        actor: '\u00e9\u20ac\ud83d\ude00 "q" \\',
        payloadJson: canonicalJson({ b: [1e21, -0.5], a: {} }),
      },
      { ...fields, seq: 9007199254740993n },
    ];
    for (const variant of variants) {
      expect(hashMaterial(variant)).toBe(canonicalJson(envelope(variant)));
      expect(hashMaterial(variant)).toBe(canonicalize(envelope(variant)));
    }
  });

  it('hashes sha256(prev_hash + "\\n" + canonical envelope), a format every stored chain depends on', () => {
    const material =
      '{"action":"guardrail.verdict.blocked","actor":"user:42","causation_id":null,"chain":"guardrail:2",' +
      '"correlation_id":"corr-1","evidence":{"score":0.97,"spans":[[0,12]]},' +
      '"id":"01936f4e-8a00-7000-8000-000000000001","occurred_at":"2026-11-23T08:15:00.042Z",' +
      '"payload":{"model":"gpt","tokens":[]},"reason":"jailbreak \\"DAN\\"\\nsecond line","resource":"prompt:9",' +
      '"rule":"rule:jb-1","seq":"17","service":"guardrail"}';
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${material}`).digest('hex');
    expect(hashMaterial(fields)).toBe(material);
    expect(computeEntryHash(GENESIS_HASH, fields)).toBe(expected);
    expect(expected).toBe('3c57c1d4a16bc20393c3d08b11d580fae60b2c5c9a23978758867e1358456fbe');
  });

  it('changes the hash when any hashed field or the previous hash changes', () => {
    const base = computeEntryHash(GENESIS_HASH, fields);
    const changes: Partial<HashedFields>[] = [
      { id: '01936f4e-8a00-7000-8000-000000000002' },
      { chain: 'guardrail:3' },
      { seq: 18n },
      { service: 'incident' },
      { actor: 'user:43' },
      { action: 'guardrail.verdict.allowed' },
      { resource: 'prompt:10' },
      { reason: null },
      { rule: 'rule:jb-2' },
      { evidenceJson: null },
      { correlationId: 'corr-2' },
      { causationId: 'msg-1' },
      { occurredAt: '2026-11-23T08:15:00.043Z' },
      { payloadJson: '{"model":"gpt","tokens":[0]}' },
    ];
    const hashes = new Set([base, computeEntryHash('f'.repeat(64), fields)]);
    for (const change of changes) hashes.add(computeEntryHash(GENESIS_HASH, { ...fields, ...change }));
    expect(hashes.size).toBe(changes.length + 2);
  });

  it('tells a null optional apart from the string "null"', () => {
    expect(computeEntryHash(GENESIS_HASH, { ...fields, reason: null })).not.toBe(
      computeEntryHash(GENESIS_HASH, { ...fields, reason: 'null' }),
    );
  });
});

describe('chainFor', () => {
  it('puts a shard key in the same chain every time, named <service>:<shard>', () => {
    expect(chainFor('guardrail', 'prompt:9', 4)).toBe(chainFor('guardrail', 'prompt:9', 4));
    expect(chainFor('guardrail', 'prompt:9', 4)).toMatch(/^guardrail:[0-3]$/);
    expect(chainFor('guardrail', 'anything', 1)).toBe('guardrail:0');
  });

  it('keeps its shard function fixed across releases (sha256 of the key, first 32 bits, modulo shards)', () => {
    const shard = createHash('sha256').update('prompt:9').digest().readUInt32BE(0) % 64;
    expect(chainFor('incident', 'prompt:9', 64)).toBe(`incident:${shard}`);
  });

  it('spreads keys over all shards', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const chain = chainFor('guardrail', `resource:${i}`, 8);
      counts.set(chain, (counts.get(chain) ?? 0) + 1);
    }
    expect(counts.size).toBe(8);
    for (const count of counts.values()) expect(count).toBeGreaterThan(350);
  });
});

describe('option checks', () => {
  it.each(['guardrail', 'campaign-scheduler', 'a1'])('accepts the service name %s', (name) => {
    expect(() => assertServiceName(name)).not.toThrow();
  });

  it.each(['', 'Guardrail', 'guard:rail', '1abc', 'a b', 'x'.repeat(64)])(
    'refuses the service name %p',
    (name) => {
      expect(() => assertServiceName(name)).toThrow(AuditError);
    },
  );

  it.each([0, -1, 1.5, NaN, 1025, '4'])('refuses %p chain shards', (shards) => {
    expect(() => assertChainShards(shards)).toThrow(/chainShards must be an integer from 1 to 1024/);
  });
});
