import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AuditLog } from '@rampart/audit';
import type { Logger } from 'pino';
import { EventPublisher } from '@rampart/bus';
import { TransactionHost } from '@rampart/database';
import { LOGGER, MetricsService } from '@rampart/observability';
import { createSmokeModule, PLATFORM_CONFIG, PlatformModule } from '@rampart/platform';
import type { PlatformConfig } from '@rampart/config';
import { BusNaming } from '@rampart/bus';
import { createSafetyGuard } from '@rampart/safety';
import { GUARDRAIL_SETTINGS, type GuardrailConfig, type GuardrailSettings } from './config/guardrail.config';
import { CheckController } from './controllers/check.controller';
import { OpenApiController } from './controllers/openapi.controller';
import { PolicyController } from './controllers/policy.controller';
import { CheckHandler } from './handlers/check.handler';
import { DecisionAuditHandler } from './handlers/decision-audit.handler';
import { PolicyVersionRepository } from './repositories/policy-version.repository';
import { BackgroundWork } from './services/background-work';
import { CallerStateStore } from './services/caller-state.store';
import { CanaryMonitor } from './services/canary-monitor.service';
import { CanaryTokenService } from './services/canary-token.service';
import { CheckService } from './services/check.service';
import { DecisionAuditWriter } from './services/decision-audit.writer';
import { DecisionStats } from './services/decision-stats';
import { GuardrailLifecycle } from './services/guardrail-lifecycle.service';
import { GuardrailMetrics } from './services/guardrail-metrics';
import { POLICY_COMPILER, type PolicyCompiler } from './services/policy-compiler';
import { PolicyRolloutService } from './services/policy-rollout.service';
import { PolicyStore } from './services/policy-store.service';
import { SafetyPolicyCompiler } from './services/safety-policy-compiler';

const HOT_PATH_REDIS = Symbol('HOT_PATH_REDIS');
const REDIS_PREFIX = Symbol('GUARDRAIL_REDIS_PREFIX');

/**
 * The guardrail: SafetyGuard detectors and the constitutional policy on every prompt and response, over
 * NATS (guardrail.check.v1) and HTTP (POST /v1/check), with policy versions rolled out by canary.
 * GUARDRAIL_ROLE picks what one process runs: the hot path, the decision audit, or both (the default).
 */
@Module({})
export class AppModule {
  static register(config: GuardrailConfig, logger: Logger): DynamicModule {
    const { role } = config.guardrail;
    const checks = role !== 'audit';
    const audit = role !== 'check';
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config.platform, logger), createSmokeModule('guardrail')],
      controllers: [
        ...(checks ? [CheckHandler, CheckController, PolicyController, OpenApiController] : []),
        ...(audit ? [DecisionAuditHandler] : []),
      ],
      providers: [
        { provide: GUARDRAIL_SETTINGS, useValue: config.guardrail },
        ...(checks ? CHECK_PROVIDERS : []),
        ...(audit ? AUDIT_PROVIDERS : []),
      ],
    };
  }
}

/** The hot path and what it needs: caller state, policies and their rollout, the canary comparison. */
const CHECK_PROVIDERS: Provider[] = [
  {
    // The hot path's own connection: it fails fast instead of queueing while Redis is away, so a
    // check goes on without rate limits rather than waiting (see CheckService.admit).
    provide: HOT_PATH_REDIS,
    useFactory: (platform: PlatformConfig) => {
      const redis = new Redis(platform.redis.url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: 250,
        connectionName: `${platform.service}@${platform.instanceId}/hot-path`,
      });
      redis.on('error', () => undefined);
      return redis;
    },
    inject: [PLATFORM_CONFIG],
  },
  {
    provide: REDIS_PREFIX,
    useFactory: (naming: BusNaming) => `${naming.queuePrefix()}:guardrail`,
    inject: [BusNaming],
  },
  {
    provide: GuardrailMetrics,
    useFactory: (m: MetricsService) => new GuardrailMetrics(m),
    inject: [MetricsService],
  },
  {
    provide: BackgroundWork,
    useFactory: (log: Logger) =>
      new BackgroundWork((error, what) => log.warn({ err: error, work: what }, 'after-reply work failed')),
    inject: [LOGGER],
  },
  {
    provide: CallerStateStore,
    useFactory: (redis: Redis, prefix: string, settings: GuardrailSettings) =>
      new CallerStateStore(redis, prefix, settings.rateLimit, settings.conversationTtlSeconds),
    inject: [HOT_PATH_REDIS, REDIS_PREFIX, GUARDRAIL_SETTINGS],
  },
  {
    provide: DecisionStats,
    useFactory: (redis: Redis, prefix: string) => new DecisionStats(redis, prefix),
    inject: [HOT_PATH_REDIS, REDIS_PREFIX],
  },
  {
    provide: POLICY_COMPILER,
    useFactory: (s: GuardrailSettings) => new SafetyPolicyCompiler(s.llm),
    inject: [GUARDRAIL_SETTINGS],
  },
  PolicyVersionRepository,
  PolicyStore,
  PolicyRolloutService,
  {
    provide: CanaryMonitor,
    useFactory: (
      redis: Redis,
      prefix: string,
      platform: PlatformConfig,
      settings: GuardrailSettings,
      store: PolicyStore,
      stats: DecisionStats,
      versions: PolicyVersionRepository,
      rollout: PolicyRolloutService,
      log: Logger,
    ) =>
      new CanaryMonitor({
        redis,
        prefix,
        instanceId: platform.instanceId,
        settings: settings.canary,
        store,
        stats,
        versions,
        rollout,
        logger: log,
      }),
    inject: [
      HOT_PATH_REDIS,
      REDIS_PREFIX,
      PLATFORM_CONFIG,
      GUARDRAIL_SETTINGS,
      PolicyStore,
      DecisionStats,
      PolicyVersionRepository,
      PolicyRolloutService,
      LOGGER,
    ],
  },
  {
    provide: CanaryTokenService,
    useFactory: (callers: CallerStateStore) => new CanaryTokenService(callers),
    inject: [CallerStateStore],
  },
  {
    provide: CheckService,
    useFactory: (
      settings: GuardrailSettings,
      policies: PolicyStore,
      callers: CallerStateStore,
      stats: DecisionStats,
      publisher: EventPublisher,
      background: BackgroundWork,
      metrics: GuardrailMetrics,
      log: Logger,
    ) =>
      new CheckService({
        settings,
        guard: createSafetyGuard(),
        policies,
        callers,
        stats,
        publisher,
        background,
        metrics,
        logger: log,
      }),
    inject: [
      GUARDRAIL_SETTINGS,
      PolicyStore,
      CallerStateStore,
      DecisionStats,
      EventPublisher,
      BackgroundWork,
      GuardrailMetrics,
      LOGGER,
    ],
  },
  GuardrailLifecycle,
];

const AUDIT_PROVIDERS: Provider[] = [
  {
    provide: DecisionAuditWriter,
    useFactory: (txHost: TransactionHost, audit: AuditLog, log: Logger) =>
      new DecisionAuditWriter({ txHost, audit, logger: log }),
    inject: [TransactionHost, AuditLog, LOGGER],
  },
];

export type { PolicyCompiler };
