import type { Client, Notification } from 'pg';
import type { TransactionHost } from '@rampart/database';
import type { BusLogger } from '../bus-logger';
import type { BusMetrics } from '../bus-metrics';
import type { EventPublisher } from '../jetstream/event-publisher';
import { retryDelayMs } from '../retry-delay';

export interface OutboxRelayDeps {
  txHost: TransactionHost;
  publisher: EventPublisher;
  service: string;
  /** Postgres schema of the outbox: notifications from other schemas are ignored. */
  schema: string;
  /** Opens a dedicated connection for LISTEN; without it the relay only polls. */
  listenClient?: () => Client;
  pollIntervalMs: number;
  batchSize?: number;
  logger: BusLogger;
  metrics?: BusMetrics;
}

interface OutboxRow {
  id: string;
  subject: string;
  headers: Record<string, string>;
  payload: Uint8Array;
  created_at: Date;
  attempts: number;
}

/**
 * Publishes committed outbox rows to JetStream, then deletes them. Woken by NOTIFY on commit (so events go
 * out within milliseconds) and by a poll (so nothing waits on a lost notification). Rows are claimed with
 * SKIP LOCKED, so replicas share the work; a crash after publishing but before deleting republishes with
 * the same Nats-Msg-Id, which JetStream and the consumers' inboxes both de-duplicate.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private listener?: Client;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(private readonly deps: OutboxRelayDeps) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.deps.pollIntervalMs);
    this.wake();
  }

  /** Publishes what is pending once more, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.drainOnce().catch((error: unknown) =>
      this.deps.logger.warn({ err: error }, 'final outbox drain failed; rows stay for the next start'),
    );
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Runs a drain now, or right after the one in progress. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainUntilEmpty().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drainUntilEmpty(): Promise<void> {
    try {
      while (!this.stopped && (await this.drainOnce()) === (this.deps.batchSize ?? 100));
    } catch (error) {
      this.deps.logger.error({ err: error }, 'outbox relay failed; will retry');
    }
  }

  /** Publishes one batch; returns how many rows it published. */
  async drainOnce(): Promise<number> {
    const { txHost, publisher, service, metrics } = this.deps;
    const batchSize = this.deps.batchSize ?? 100;
    return txHost.run(async (tx) => {
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT id, subject, headers, payload, created_at, attempts FROM bus_outbox
        WHERE service = ${service} AND next_attempt_at <= now()
        ORDER BY created_at, id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
      const published: string[] = [];
      for (const row of rows) {
        try {
          await publisher.publishEncoded(row.subject, row.headers, row.payload);
        } catch (error) {
          // Keep order: leave this row and the rest of the batch for the next attempt.
          const delay = retryDelayMs(row.attempts + 1, 500, 30_000);
          await tx.$executeRaw`
            UPDATE bus_outbox SET attempts = attempts + 1, last_error = ${(error as Error).message.slice(0, 1000)},
              next_attempt_at = now() + make_interval(secs => ${delay / 1000}) WHERE id = ${row.id}::uuid`;
          metrics?.outboxPublished.inc({ outcome: 'error' });
          this.deps.logger.warn(
            { err: error, event_id: row.id, attempts: row.attempts + 1 },
            'outbox publish failed',
          );
          break;
        }
        published.push(row.id);
        metrics?.outboxPublished.inc({ outcome: 'ok' });
        metrics?.outboxLag.observe((Date.now() - row.created_at.getTime()) / 1000);
      }
      if (published.length > 0) {
        await tx.$executeRaw`DELETE FROM bus_outbox WHERE id = ANY(${published}::uuid[])`;
      }
      return published.length;
    });
  }

  private async listen(): Promise<void> {
    if (!this.deps.listenClient || this.stopped) return;
    const client = this.deps.listenClient();
    client.on('notification', (note: Notification) => {
      if (note.payload === this.deps.schema) this.wake();
    });
    client.on('error', (error) => {
      this.deps.logger.warn({ err: error }, 'outbox LISTEN connection lost; polling until it is back');
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen().catch(() => undefined), 2_000).unref();
    });
    try {
      await client.connect();
      await client.query('LISTEN rampart_outbox');
      this.listener = client;
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'outbox LISTEN unavailable; polling only');
      await client.end().catch(() => undefined);
    }
  }
}

/** Rows waiting to be published, for the `rampart_outbox_pending` gauge (read at scrape time). */
export async function countPendingOutbox(txHost: TransactionHost, service: string): Promise<number> {
  const rows = await txHost.client.$queryRaw<
    { n: bigint }[]
  >`SELECT count(*) AS n FROM bus_outbox WHERE service = ${service}`;
  return Number(rows[0]?.n ?? 0);
}
