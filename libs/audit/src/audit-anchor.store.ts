import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { AuditError } from './audit-error';

/**
 * A chain head recorded outside the database. Whoever can rewrite the database (rows, hashes and heads
 * together) still cannot rewrite this, so verification against it catches a truncated or recomputed chain.
 */
export interface AuditAnchor {
  chain: string;
  seq: bigint;
  hash: string;
  anchoredAt: string;
}

export interface AuditAnchorStore {
  /** The latest anchor of every chain. */
  list(): Promise<Map<string, AuditAnchor>>;
  /** Records the anchor unless the stored one is already at or past its seq; true when it was recorded. */
  advance(anchor: AuditAnchor): Promise<boolean>;
}

interface StoredAnchor {
  chain: string;
  seq: string;
  hash: string;
  anchored_at: string;
}

const CAS_ATTEMPTS = 5;

// KV keys allow [-/_=.a-zA-Z0-9]; chains are `<service>:<shard>` and services have no dots.
export function anchorKey(chain: string): string {
  return chain.replace(/:/g, '.');
}

/**
 * Anchors in a NATS JetStream key-value bucket, one key per chain, a short history kept. NATS is a separate
 * system with its own credentials: give the services' NATS user put rights on the bucket, and nobody the
 * right to purge it.
 */
export class KvAuditAnchorStore implements AuditAnchorStore {
  private constructor(private readonly kv: KV) {}

  /** Creates the bucket if needed (services); `create: false` only opens it (verification). */
  static async open(
    nc: NatsConnection,
    bucket: string,
    options: { create: boolean; replicas?: number },
  ): Promise<KvAuditAnchorStore> {
    const kvm = new Kvm(nc);
    const kv = options.create
      ? await kvm.create(bucket, {
          history: 16,
          replicas: options.replicas ?? 1,
          description: 'Rampart audit chain heads, recorded outside Postgres for verification',
        })
      : await kvm.open(bucket);
    if (!options.create) await kv.status(); // open() is lazy: fail here when the bucket does not exist
    return new KvAuditAnchorStore(kv);
  }

  async list(): Promise<Map<string, AuditAnchor>> {
    const anchors = new Map<string, AuditAnchor>();
    const keys: string[] = [];
    for await (const key of await this.kv.keys()) keys.push(key);
    for (const key of keys) {
      const entry = await this.kv.get(key);
      if (!entry || entry.operation !== 'PUT') continue;
      const anchor = parse(entry.json<StoredAnchor>());
      anchors.set(anchor.chain, anchor);
    }
    return anchors;
  }

  async advance(anchor: AuditAnchor): Promise<boolean> {
    const key = anchorKey(anchor.chain);
    const data = JSON.stringify({
      chain: anchor.chain,
      seq: anchor.seq.toString(),
      hash: anchor.hash,
      anchored_at: anchor.anchoredAt,
    } satisfies StoredAnchor);
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.kv.get(key);
      try {
        if (!current || current.operation !== 'PUT') {
          await this.kv.create(key, data);
        } else {
          if (parse(current.json<StoredAnchor>()).seq >= anchor.seq) return false;
          await this.kv.update(key, data, current.revision);
        }
        return true;
      } catch (error) {
        // Another replica anchored the same chain in between: read again and compare.
        if (attempt >= CAS_ATTEMPTS) {
          throw new AuditError(
            'AUDIT_APPEND_FAILED',
            `Could not anchor chain ${anchor.chain}: ${(error as Error).message}`,
            {
              cause: error,
              retryable: true,
            },
          );
        }
      }
    }
  }
}

function parse(stored: StoredAnchor): AuditAnchor {
  return { chain: stored.chain, seq: BigInt(stored.seq), hash: stored.hash, anchoredAt: stored.anchored_at };
}
