import type { AuditRecord } from './audit-entry';
import { computeEntryHash, GENESIS_HASH, type ChainHead } from './audit-chain';

export type VerifyProblemKind =
  | 'edited'
  | 'deleted'
  | 'reordered'
  | 'truncated'
  | 'head-mismatch'
  | 'orphan'
  /** Consistent in the database, but not with the head anchored outside it: rewritten with recomputed hashes. */
  | 'rewritten';

export interface VerifyProblem {
  chain: string;
  /** Where the chain breaks: the edited, missing or misplaced entry. */
  seq: bigint;
  kind: VerifyProblemKind;
  detail: string;
}

export interface ChainWalkerOptions {
  /** Seq of the row in this chain whose hash is `hash`, if any: tells a reordered chain from a deleted row. */
  findSeqByHash(hash: string): Promise<bigint | undefined>;
  /** Keep walking after the first problem. */
  allProblems?: boolean;
  /** The chain's head as recorded outside the database, when there is one. */
  anchor?: { seq: bigint; hash: string };
}

/**
 * Checks one chain, fed its rows in seq order, without holding more than the previous row. Checks run in
 * the order that names the tampering correctly: a seq gap (deleted); a link to the wrong row that is
 * elsewhere in the chain (reordered); content that no longer matches its hash (edited); a link to a row
 * found nowhere, the row itself intact (its predecessor was deleted and replaced); and at the end, the
 * last row against the chain head (truncated, or the head disagrees).
 */
export class AuditChainWalker {
  readonly problems: VerifyProblem[] = [];
  private rowCount = 0;
  private firstSeq: bigint | undefined;
  private expectedSeq = 1n;
  private prevHash = GENESIS_HASH;
  // A row after a gap cannot be checked against its missing predecessor; the gap is already reported.
  private afterGap = false;
  private anchoredRowHash: string | undefined;

  constructor(
    readonly chain: string,
    private readonly options: ChainWalkerOptions,
  ) {}

  get rows(): number {
    return this.rowCount;
  }

  /** True once there is nothing more to learn: a problem was found and only the first is wanted. */
  get done(): boolean {
    return this.problems.length > 0 && !this.options.allProblems;
  }

  async visit(row: AuditRecord): Promise<void> {
    this.rowCount++;
    this.firstSeq ??= row.seq;
    if (row.seq < this.expectedSeq) {
      // Only a row before seq 1 gets here: (chain, seq) is unique and rows arrive in seq order.
      this.report(row.seq, 'orphan', `entry ${row.id} has seq ${row.seq}, before the start of the chain`);
      return;
    }
    if (row.seq > this.expectedSeq) {
      const missing =
        row.seq - this.expectedSeq === 1n
          ? `seq ${this.expectedSeq}`
          : `seqs ${this.expectedSeq}–${row.seq - 1n}`;
      this.report(this.expectedSeq, 'deleted', `${missing} missing: the chain jumps to seq ${row.seq}`);
      this.afterGap = true;
    }
    if (!this.done) await this.checkRow(row);
    if (row.seq === this.options.anchor?.seq) this.anchoredRowHash = row.hash;
    this.afterGap = false;
    this.prevHash = row.hash;
    this.expectedSeq = row.seq + 1n;
  }

  /**
   * Compares the end of the walk with the chain head (`undefined` when the chain has no head row), then
   * with the anchor: a chain that is consistent in itself may still have been cut short or recomputed by
   * someone able to rewrite the database, which the anchor outside it reveals.
   */
  finish(head: ChainHead | undefined): void {
    this.finishAgainstHead(head);
    this.finishAgainstAnchor();
  }

  private finishAgainstAnchor(): void {
    const anchor = this.options.anchor;
    if (this.done || !anchor) return;
    const lastSeq = this.expectedSeq - 1n;
    if (lastSeq < anchor.seq) {
      const ends = this.rowCount === 0 ? 'has no entries' : `ends at seq ${lastSeq}`;
      this.report(
        lastSeq + 1n,
        'truncated',
        `the chain ${ends} but was anchored outside the database at seq ${anchor.seq}`,
      );
    } else if (this.anchoredRowHash !== anchor.hash) {
      this.report(
        anchor.seq,
        'rewritten',
        `the entry at seq ${anchor.seq} hashes to ${short(this.anchoredRowHash ?? '')}, but its anchor outside the database says ${short(anchor.hash)}: entries up to here were rewritten with recomputed hashes`,
      );
    }
  }

  private finishAgainstHead(head: ChainHead | undefined): void {
    if (this.done) return;
    const lastSeq = this.expectedSeq - 1n;
    if (!head) {
      if (this.rowCount > 0) {
        this.report(
          this.firstSeq!,
          'orphan',
          `${this.rowCount} entries up to seq ${lastSeq} but no chain head`,
        );
      }
      return;
    }
    if (lastSeq < head.seq) {
      const ends = this.rowCount === 0 ? 'has no entries' : `ends at seq ${lastSeq}`;
      this.report(lastSeq + 1n, 'truncated', `the chain ${ends} but its head is at seq ${head.seq}`);
    } else if (lastSeq > head.seq) {
      this.report(
        head.seq + 1n,
        'head-mismatch',
        `entries continue to seq ${lastSeq} past the head at seq ${head.seq}: appended without the head, or the head was reset`,
      );
    } else if (this.prevHash !== head.hash) {
      this.report(
        head.seq,
        'head-mismatch',
        `the last entry's hash ${short(this.prevHash)} is not the head's ${short(head.hash)}`,
      );
    }
  }

  private async checkRow(row: AuditRecord): Promise<void> {
    const linked = this.afterGap || row.prevHash === this.prevHash;
    if (!linked) {
      const target = await this.options.findSeqByHash(row.prevHash);
      if (target !== undefined) {
        this.report(
          row.seq,
          'reordered',
          `links to the entry at seq ${target} instead of seq ${row.seq - 1n}`,
        );
        return;
      }
    }
    const recomputed = computeEntryHash(row.prevHash, row);
    if (recomputed !== row.hash) {
      this.report(
        row.seq,
        'edited',
        `content hashes to ${short(recomputed)}, stored hash is ${short(row.hash)}`,
      );
    } else if (!linked) {
      this.report(
        row.seq - 1n,
        'deleted',
        `the entry seq ${row.seq} was chained to (hash ${short(row.prevHash)}) is gone: seq ${row.seq - 1n} was deleted and replaced, or rewritten with a recomputed hash`,
      );
    }
  }

  private report(seq: bigint, kind: VerifyProblemKind, detail: string): void {
    if (this.done) return;
    this.problems.push({ chain: this.chain, seq, kind, detail });
  }
}

function short(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}
