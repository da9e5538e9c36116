import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { AuditAnchorer, AuditLog, KvAuditAnchorStore } from '@rampart/audit';
import {
  BusMetrics,
  BusNaming,
  DeadLetterPublisher,
  EnvelopeFactory,
  EventPublisher,
  NatsConnectionHandle,
  OutboxRelay,
  OutboxWriter,
  QueueFactory,
  RequestClient,
  StreamProvisioner,
} from '@rampart/bus';
import type { PlatformConfig } from '@rampart/config';
import {
  createPrismaClient,
  pgConnectionConfig,
  TransactionHost,
  type PrismaHandle,
} from '@rampart/database';
import { LOGGER, MetricsService, ObservabilityModule } from '@rampart/observability';
import { AuditService } from './audit/audit.service';
import { JobProcessorExplorer } from './lifecycle/job-processor.explorer';
import { PlatformLifecycle } from './lifecycle/platform-lifecycle.service';
import { PlatformStartupError } from './lifecycle/platform-startup.error';
import { AUDIT_ANCHORER, PLATFORM_CONFIG, PRISMA_HANDLE, REDIS_CONNECTION } from './platform.tokens';

/**
 * What every Rampart service shares: configuration, logging, metrics and health, Postgres (Prisma and
 * transactions), the audit log, NATS (publishing, request-reply, outbox relay) and BullMQ queues.
 * Global, so a service's own modules inject these directly.
 */
@Module({})
export class PlatformModule {
  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    const applicationName = `${config.service}@${config.instanceId}`;
    return {
      module: PlatformModule,
      global: true,
      imports: [
        DiscoveryModule,
        ObservabilityModule.forRoot({
          service: config.service,
          instanceId: config.instanceId,
          logLevel: config.logLevel,
          metricsEnabled: config.metrics.enabled,
          logger,
        }),
      ],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: BusNaming, useValue: new BusNaming(config.namespace) },
        { provide: EnvelopeFactory, useValue: new EnvelopeFactory(config.service) },
        {
          provide: PRISMA_HANDLE,
          useFactory: (): PrismaHandle => createPrismaClient(config.database, applicationName),
        },
        {
          provide: TransactionHost,
          useFactory: (handle: PrismaHandle) => new TransactionHost(handle.prisma),
          inject: [PRISMA_HANDLE],
        },
        {
          provide: NatsConnectionHandle,
          useFactory: (log: Logger) => NatsConnectionHandle.open(config, log),
          inject: [LOGGER],
        },
        {
          provide: BusMetrics,
          useFactory: (metrics: MetricsService) => new BusMetrics(metrics),
          inject: [MetricsService],
        },
        {
          provide: EventPublisher,
          useFactory: (
            nats: NatsConnectionHandle,
            naming: BusNaming,
            envelopes: EnvelopeFactory,
            metrics: BusMetrics,
          ) => new EventPublisher(nats.js, naming, envelopes, metrics),
          inject: [NatsConnectionHandle, BusNaming, EnvelopeFactory, BusMetrics],
        },
        {
          provide: DeadLetterPublisher,
          useFactory: (nats: NatsConnectionHandle, naming: BusNaming, metrics: BusMetrics) =>
            new DeadLetterPublisher(nats.js, naming, metrics),
          inject: [NatsConnectionHandle, BusNaming, BusMetrics],
        },
        {
          provide: StreamProvisioner,
          useFactory: (nats: NatsConnectionHandle, naming: BusNaming, log: Logger) =>
            new StreamProvisioner(nats.jsm, naming, config.nats.replicas, log),
          inject: [NatsConnectionHandle, BusNaming, LOGGER],
        },
        {
          provide: OutboxWriter,
          useFactory: (txHost: TransactionHost, naming: BusNaming, envelopes: EnvelopeFactory) =>
            new OutboxWriter(txHost, naming, envelopes, config.service),
          inject: [TransactionHost, BusNaming, EnvelopeFactory],
        },
        {
          provide: OutboxRelay,
          useFactory: (
            txHost: TransactionHost,
            publisher: EventPublisher,
            log: Logger,
            metrics: BusMetrics,
          ) =>
            new OutboxRelay({
              txHost,
              publisher,
              service: config.service,
              schema: config.database.schema,
              listenClient: () =>
                new Client(
                  pgConnectionConfig(config.database, {
                    applicationName: `${applicationName}/outbox`,
                    assumeRole: true,
                  }),
                ),
              pollIntervalMs: config.outbox.pollIntervalMs,
              logger: log,
              metrics,
            }),
          inject: [TransactionHost, EventPublisher, LOGGER, BusMetrics],
        },
        {
          provide: RequestClient,
          useFactory: (nats: NatsConnectionHandle, naming: BusNaming) =>
            new RequestClient(nats.nc, naming, config.service),
          inject: [NatsConnectionHandle, BusNaming],
        },
        {
          provide: REDIS_CONNECTION,
          useFactory: async (): Promise<Redis> => {
            const redis = QueueFactory.connect(config.redis.url);
            try {
              await redis.connect();
            } catch (error) {
              redis.disconnect();
              const url = new URL(config.redis.url);
              throw new PlatformStartupError(
                `Cannot connect to Redis at ${url.hostname}:${url.port || 6379}: ${(error as Error).message}`,
                error,
              );
            }
            return redis;
          },
        },
        {
          provide: QueueFactory,
          useFactory: (redis: Redis, naming: BusNaming) => new QueueFactory(redis, naming, config.service),
          inject: [REDIS_CONNECTION, BusNaming],
        },
        {
          provide: AuditLog,
          useFactory: (txHost: TransactionHost, metrics: MetricsService) => {
            const appended = metrics.counter(
              'rampart_audit_appended_total',
              'Entries appended to the audit log.',
              [],
            );
            const duration = metrics.histogram(
              'rampart_audit_append_duration_seconds',
              'Time to append to the audit log.',
              [],
            );
            return new AuditLog({
              txHost,
              service: config.service,
              chainShards: config.audit.chainShards,
              onAppended: (count, seconds) => {
                appended.inc(count);
                duration.observe(seconds);
              },
            });
          },
          inject: [TransactionHost, MetricsService],
        },
        { provide: AuditService, useFactory: (log: AuditLog) => new AuditService(log), inject: [AuditLog] },
        {
          provide: AUDIT_ANCHORER,
          useFactory: async (
            nats: NatsConnectionHandle,
            naming: BusNaming,
            txHost: TransactionHost,
            log: Logger,
            metrics: MetricsService,
          ): Promise<AuditAnchorer | undefined> => {
            if (config.audit.anchorIntervalMs === 0) return undefined;
            const store = await KvAuditAnchorStore.open(nats.nc, naming.bucket('AUDIT_ANCHORS'), {
              create: true,
              replicas: config.nats.replicas,
            });
            const anchored = metrics.counter(
              'rampart_audit_anchored_total',
              'Audit chain heads recorded outside the database.',
              [],
            );
            return new AuditAnchorer({
              txHost,
              store,
              service: config.service,
              intervalMs: config.audit.anchorIntervalMs,
              onAnchored: (count) => anchored.inc(count),
              onError: (error) => log.warn({ err: error }, 'anchoring audit chain heads failed; will retry'),
            });
          },
          inject: [NatsConnectionHandle, BusNaming, TransactionHost, LOGGER, MetricsService],
        },
        JobProcessorExplorer,
        PlatformLifecycle,
      ],
      exports: [
        PLATFORM_CONFIG,
        PRISMA_HANDLE,
        REDIS_CONNECTION,
        BusNaming,
        EnvelopeFactory,
        TransactionHost,
        NatsConnectionHandle,
        BusMetrics,
        EventPublisher,
        DeadLetterPublisher,
        OutboxWriter,
        RequestClient,
        QueueFactory,
        AuditLog,
        AuditService,
        PlatformLifecycle,
      ],
    };
  }
}
