import type { TransactionHost, Tx } from '@rampart/database';
import { AuditError } from './audit-error';
import {
  DEFAULT_ENTRY_LIMITS,
  prepareEntry,
  type AuditEntryInput,
  type AuditRecord,
  type EntryLimits,
  type PreparedEntry,
  type StoredAuditEntry,
} from './audit-entry';
import { assertChainShards, assertServiceName, chainFor, computeEntryHash } from './audit-chain';
import { AuditLogRepository } from './audit-log.repository';
import { appendFailure } from './postgres-error';

export interface AuditLogOptions {
  txHost: TransactionHost;
  /** The appending service; chains are named `<service>:<shard>`. */
  service: string;
  /** AUDIT_CHAIN_SHARDS: how many chains this service spreads its entries over. Same value on every replica. */
  chainShards: number;
  /** Metrics hook: entries appended and the seconds it took (inside a caller's transaction: before its commit). */
  onAppended?: (count: number, seconds: number) => void;
  /** Appends made outside any transaction retry this often on AUDIT_CHAIN_CONFLICT. Default 3. */
  maxAttempts?: number;
  limits?: Partial<EntryLimits>;
  /** Clock for entries without occurredAt. */
  now?: () => Date;
}

// Above this many rows per statement the array parameters get large; bigger batches take several statements
// under the same head lock, which keeps them atomic and contiguous.
const ROWS_PER_STATEMENT = 1000;

/**
 * Appends entries to the tamper-evident audit log. Each entry joins one of the service's hash chains; an
 * append locks only that chain's head, so writers to different chains proceed in parallel while writers to
 * one chain are ordered. Appends join the caller's transaction (TransactionHost), so an audit entry exists
 * exactly when the change it records does.
 */
export class AuditLog {
  private readonly txHost: TransactionHost;
  private readonly service: string;
  private readonly chainShards: number;
  private readonly onAppended?: (count: number, seconds: number) => void;
  private readonly maxAttempts: number;
  private readonly limits: EntryLimits;
  private readonly now: () => Date;
  private readonly repository = new AuditLogRepository();

  constructor(options: AuditLogOptions) {
    assertServiceName(options.service);
    assertChainShards(options.chainShards);
    this.txHost = options.txHost;
    this.service = options.service;
    this.chainShards = options.chainShards;
    this.onAppended = options.onAppended;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.limits = { ...DEFAULT_ENTRY_LIMITS, ...options.limits };
    this.now = options.now ?? (() => new Date());
  }

  /** The chain an entry with this shard key (by default: its resource) goes to. */
  chainOf(shardKey: string): string {
    return chainFor(this.service, shardKey, this.chainShards);
  }

  async append(input: AuditEntryInput): Promise<StoredAuditEntry> {
    const [stored] = await this.appendMany([input]);
    return stored;
  }

  /**
   * Appends all entries atomically: one lock and one insert statement per chain touched. Entries of one
   * chain keep their order in the array. Throws AuditError: AUDIT_INVALID_ENTRY before touching the
   * database; AUDIT_CHAIN_CONFLICT (retryable) when it lost a race it could not retry itself, which inside
   * a caller's transaction means that transaction must be retried as a whole.
   */
  async appendMany(inputs: readonly AuditEntryInput[]): Promise<StoredAuditEntry[]> {
    const given: unknown = inputs;
    if (!Array.isArray(given))
      throw new AuditError('AUDIT_INVALID_ENTRY', 'appendMany takes an array of entries');
    if (inputs.length === 0) return [];
    const started = process.hrtime.bigint();
    const prepared = inputs.map((input) => prepareEntry(input, this.service, this.now, this.limits));
    const byChain = this.groupByChain(prepared);
    // A caller's transaction is not ours to retry: its other work already ran inside it.
    const attempts = this.txHost.inTransaction ? 1 : this.maxAttempts;
    let stored: Map<PreparedEntry, StoredAuditEntry> | undefined;
    for (let attempt = 1; !stored; attempt++) {
      try {
        stored = await this.txHost.run((tx) => this.writeChains(tx, byChain));
      } catch (error) {
        const failure = appendFailure(error, [...byChain.keys()]);
        if (failure.code !== 'AUDIT_CHAIN_CONFLICT' || attempt >= attempts) throw failure;
      }
    }
    this.onAppended?.(inputs.length, Number(process.hrtime.bigint() - started) / 1e9);
    return prepared.map((entry) => stored.get(entry)!);
  }

  /** Chains in name order, so two batches touching the same chains lock them in the same order and cannot deadlock. */
  private groupByChain(prepared: readonly PreparedEntry[]): Map<string, PreparedEntry[]> {
    const groups = new Map<string, PreparedEntry[]>();
    for (const entry of prepared) {
      const chain = this.chainOf(entry.shardKey);
      const group = groups.get(chain);
      if (group) group.push(entry);
      else groups.set(chain, [entry]);
    }
    return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private async writeChains(
    tx: Tx,
    byChain: ReadonlyMap<string, readonly PreparedEntry[]>,
  ): Promise<Map<PreparedEntry, StoredAuditEntry>> {
    const stored = new Map<PreparedEntry, StoredAuditEntry>();
    for (const [chain, entries] of byChain) {
      const head = await this.repository.lockHead(tx, chain);
      let seq = head.seq;
      let prevHash = head.hash;
      const records: AuditRecord[] = entries.map((entry) => {
        seq += 1n;
        const { shardKey: _shardKey, ...fields } = entry;
        const record: AuditRecord = { ...fields, chain, seq, prevHash, hash: '' };
        record.hash = computeEntryHash(prevHash, record);
        prevHash = record.hash;
        stored.set(entry, {
          id: record.id,
          chain,
          seq,
          occurredAt: new Date(record.occurredAt),
          prevHash: record.prevHash,
          hash: record.hash,
        });
        return record;
      });
      for (let i = 0; i < records.length; i += ROWS_PER_STATEMENT) {
        await this.repository.insertAndAdvance(tx, chain, records.slice(i, i + ROWS_PER_STATEMENT));
      }
    }
    return stored;
  }
}
