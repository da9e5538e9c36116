import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AuditAnchorer } from '@rampart/audit';
import type { Logger } from 'pino';
import {
  countPendingOutbox,
  NatsConnectionHandle,
  OutboxRelay,
  QueueFactory,
  StreamProvisioner,
} from '@rampart/bus';
import type { PlatformConfig } from '@rampart/config';
import { migrationStatus, TransactionHost, type PrismaHandle } from '@rampart/database';
import { LOGGER, MetricsService, ReadinessService } from '@rampart/observability';
import { AUDIT_ANCHORER, PLATFORM_CONFIG, PRISMA_HANDLE, REDIS_CONNECTION } from '../platform.tokens';
import { JobProcessorExplorer } from './job-processor.explorer';
import { PlatformStartupError } from './platform-startup.error';

/**
 * Starts and stops what every service shares, in an order that loses nothing:
 * start — check the schema is migrated, provision streams, register readiness checks; once the transports
 * listen, start the outbox relay, queue workers and audit anchoring, and report ready.
 * stop — report not ready and wait for load balancers to notice; (Nest then closes HTTP and the NATS
 * transport, which finishes in-flight messages); stop workers after their active jobs, publish what
 * is left in the outbox, anchor the audit chains once more, then close NATS, Redis and Postgres.
 */
@Injectable()
export class PlatformLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly drains: { name: string; drain: () => Promise<void> }[] = [];

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(PRISMA_HANDLE) private readonly prisma: PrismaHandle,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(AUDIT_ANCHORER) private readonly anchorer: AuditAnchorer | undefined,
    private readonly txHost: TransactionHost,
    private readonly nats: NatsConnectionHandle,
    private readonly streams: StreamProvisioner,
    private readonly relay: OutboxRelay,
    private readonly queues: QueueFactory,
    private readonly workers: JobProcessorExplorer,
    private readonly readiness: ReadinessService,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.assertMigrated();
    await this.streams.ensureAll();
    this.readiness.register('nats', () => this.nats.ping());
    this.readiness.register('redis', async () => {
      await this.redis.ping();
    });
    this.readiness.register('postgres', async () => {
      await this.prisma.pool.query('SELECT 1');
    });
    const txHost = this.txHost;
    const service = this.config.service;
    this.metrics.gauge(
      'rampart_outbox_pending',
      'Outbox rows waiting to be published.',
      [],
      async (gauge) => {
        gauge.set(await countPendingOutbox(txHost, service));
      },
    );
  }

  /** Called once HTTP and NATS listen. */
  async startBackground(): Promise<void> {
    await this.relay.start();
    this.workers.start();
    this.anchorer?.start();
    this.readiness.markStarted();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.readiness.beginShutdown();
    if (this.config.shutdown.drainDelayMs > 0) {
      this.logger.info({ delay_ms: this.config.shutdown.drainDelayMs }, 'not ready; waiting before draining');
      await new Promise((resolve) => setTimeout(resolve, this.config.shutdown.drainDelayMs));
    }
  }

  /**
   * Registers work a service must finish while NATS, Redis and Postgres are still open, after its
   * transports stopped taking requests (e.g. decisions published after their reply). Run first at shutdown,
   * in registration order.
   */
  registerDrain(name: string, drain: () => Promise<void>): void {
    this.drains.push({ name, drain });
  }

  async onApplicationShutdown(): Promise<void> {
    for (const { name, drain } of this.drains) {
      await drain().catch((error: unknown) =>
        this.logger.error({ err: error, drain: name }, 'shutdown drain failed'),
      );
    }
    await this.workers.stop();
    await this.relay.stop();
    await this.anchorer?.stop();
    await this.queues.close();
    await this.nats.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
    await this.prisma.close();
  }

  private async assertMigrated(): Promise<void> {
    const client = await this.prisma.pool.connect();
    try {
      const status = await migrationStatus(client);
      if (status.pending.length > 0) {
        throw new PlatformStartupError(
          `Database schema "${this.config.database.schema}" is missing migrations ${status.pending.join(', ')}: ` +
            'run `rampart db migrate` (npm run rampart -- db migrate) first',
        );
      }
    } finally {
      client.release();
    }
  }
}
