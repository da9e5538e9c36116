import {
  Global,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import type { LogLevel } from '@rampart/config';
import { TerminusModule } from '@nestjs/terminus';
import type { Logger } from 'pino';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { HttpMetricsMiddleware } from './http/http-metrics.middleware';
import { RequestContextMiddleware } from './http/request-context.middleware';
import { createLogger } from './logging/create-logger';
import { PinoNestLogger } from './logging/pino-nest.logger';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { LOGGER, OBSERVABILITY_OPTIONS } from './observability.constants';

export interface ObservabilityModuleOptions {
  service: string;
  instanceId: string;
  logLevel: LogLevel;
  metricsEnabled: boolean;
  /** The logger made before Nest started (to log bootstrap failures); one is created otherwise. */
  logger?: Logger;
  /** Routes whose request lines are logged at debug; defaults to the probe and scrape routes. */
  quietRoutes?: readonly string[];
}

/**
 * Logging, metrics, health and request context for a service, in one global module. Exports the pino
 * logger (token LOGGER), PinoNestLogger (for app.useLogger), MetricsService and ReadinessService, serves
 * /health/live, /health/ready and /metrics, and puts every HTTP request in a correlation context.
 */
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityModuleOptions): DynamicModule {
    const logger =
      options.logger ??
      createLogger({ service: options.service, level: options.logLevel, instanceId: options.instanceId });
    return {
      module: ObservabilityModule,
      global: true,
      // Readiness changes are logged by HealthController, once per change instead of on every probe.
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: OBSERVABILITY_OPTIONS, useValue: options },
        { provide: LOGGER, useValue: logger },
        PinoNestLogger,
        {
          provide: MetricsService,
          useFactory: () =>
            new MetricsService({
              service: options.service,
              instanceId: options.instanceId,
              enabled: options.metricsEnabled,
            }),
        },
        ReadinessService,
      ],
      exports: [OBSERVABILITY_OPTIONS, LOGGER, PinoNestLogger, MetricsService, ReadinessService],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // The context middleware goes first so that everything after it, metrics included, runs inside it.
    consumer
      .apply(RequestContextMiddleware, HttpMetricsMiddleware)
      .forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
