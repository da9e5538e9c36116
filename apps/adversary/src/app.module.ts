import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { BusNaming, OutboxWriter, QueueFactory, RequestClient } from '@rampart/bus';
import { TransactionHost } from '@rampart/database';
import { LOGGER, MetricsService } from '@rampart/observability';
import { AuditLog } from '@rampart/audit';
import { createSmokeModule, PlatformModule } from '@rampart/platform';
import { AttackRunner, createJudges, decideOutcome, RefineLoop } from '@rampart/redteam';
import { ADVERSARY_SETTINGS, type AdversaryConfig, type AdversarySettings } from './config/adversary.config';
import { AttackController } from './controllers/attack.controller';
import { AttackHandler } from './handlers/attack.handler';
import { RunAttackProcessor } from './processors/run-attack.processor';
import { AdversaryMetrics } from './services/adversary-metrics';
import { AmplificationGuard } from './services/amplification-guard';
import { AttackResultRecorder } from './services/attack-result.recorder';
import { AttackService } from './services/attack.service';
import { NatsGuardrailChecker } from './services/nats-guardrail.checker';
import { RedteamCatalog } from './services/redteam-catalog.service';

/**
 * The adversary: persona-driven red-team attacks with composable strategies, against the guardrail (over
 * NATS), chat endpoints and HTTP APIs; ad hoc over HTTP and NATS, and queued (adversary.attacks) for
 * campaigns. Every attempt is judged, published as adversary.attack.completed.v1 and audited.
 */
@Module({})
export class AppModule {
  static register(config: AdversaryConfig, logger: Logger): DynamicModule {
    const settings = config.adversary;
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config.platform, logger), createSmokeModule('adversary')],
      controllers: [AttackHandler, AttackController],
      providers: [
        { provide: ADVERSARY_SETTINGS, useValue: settings },
        {
          // Built while the module starts: bad personas, a tampered corpus or a missing key variable stop
          // start-up with the file and field at fault.
          provide: RedteamCatalog,
          useFactory: (client: RequestClient) =>
            RedteamCatalog.load(settings, new NatsGuardrailChecker(client), process.env),
          inject: [RequestClient],
        },
        {
          provide: AdversaryMetrics,
          useFactory: (m: MetricsService) => new AdversaryMetrics(m),
          inject: [MetricsService],
        },
        {
          provide: AmplificationGuard,
          useFactory: (queues: QueueFactory, naming: BusNaming, s: AdversarySettings) =>
            new AmplificationGuard(queues.connection, `${naming.queuePrefix()}:adversary`, s.guards),
          inject: [QueueFactory, BusNaming, ADVERSARY_SETTINGS],
        },
        {
          provide: AttackResultRecorder,
          useFactory: (txHost: TransactionHost, outbox: OutboxWriter, audit: AuditLog, log: Logger) =>
            new AttackResultRecorder({ txHost, outbox, audit, logger: log }),
          inject: [TransactionHost, OutboxWriter, AuditLog, LOGGER],
        },
        {
          provide: AttackService,
          useFactory: (
            catalog: RedteamCatalog,
            guard: AmplificationGuard,
            recorder: AttackResultRecorder,
            metrics: AdversaryMetrics,
            log: Logger,
            s: AdversarySettings,
          ) => {
            const runner = new AttackRunner(createJudges({ llm: s.judgeLlm }), decideOutcome);
            return new AttackService({
              catalog,
              runner,
              ...(s.attackerLlm ? { refiner: new RefineLoop(runner, s.attackerLlm) } : {}),
              maxRefineIterations: s.maxRefineIterations,
              guard,
              recorder,
              metrics,
              logger: log,
              maxBatch: s.maxBatch,
            });
          },
          inject: [
            RedteamCatalog,
            AmplificationGuard,
            AttackResultRecorder,
            AdversaryMetrics,
            LOGGER,
            ADVERSARY_SETTINGS,
          ],
        },
        RunAttackProcessor,
      ],
    };
  }
}
