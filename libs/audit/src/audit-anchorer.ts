import type { TransactionHost } from '@rampart/database';
import type { AuditAnchorStore } from './audit-anchor.store';

export interface AuditAnchorerOptions {
  txHost: TransactionHost;
  store: AuditAnchorStore;
  /** Anchors the heads of this service's chains (`<service>:*`). */
  service: string;
  intervalMs: number;
  onError?: (error: unknown) => void;
  onAnchored?: (count: number) => void;
}

/**
 * Periodically copies the heads of a service's audit chains to the anchor store. Anchoring lags the log by
 * at most one interval: entries appended since the last anchor are protected by the hash chain and the
 * head only, until the next one.
 */
export class AuditAnchorer {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(private readonly options: AuditAnchorerOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    void this.tick();
  }

  /** Stops, after one last anchor so that a clean shutdown leaves nothing unanchored. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.tick();
  }

  /** Anchors every head that moved since it was last anchored; returns how many were recorded. */
  async anchorNow(): Promise<number> {
    const heads = await this.options.txHost.client.$queryRaw<{ chain: string; seq: string; hash: string }[]>`
      SELECT chain, seq::text AS seq, hash FROM audit_chain_head WHERE chain LIKE ${`${this.options.service}:%`}`;
    const anchoredAt = new Date().toISOString();
    let recorded = 0;
    for (const head of heads) {
      const advanced = await this.options.store.advance({
        chain: head.chain,
        seq: BigInt(head.seq),
        hash: head.hash,
        anchoredAt,
      });
      if (advanced) recorded += 1;
    }
    if (recorded > 0) this.options.onAnchored?.(recorded);
    return recorded;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.anchorNow();
    try {
      await this.running;
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.running = undefined;
    }
  }
}
