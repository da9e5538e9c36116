import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import type { Logger } from 'pino';
import { LOGGER } from '../observability.constants';
import { LIFECYCLE_CHECK, ReadinessService, type ReadinessReport } from './readiness.service';

/**
 * Kubernetes probes. Liveness only proves the event loop answers: failing it restarts the pod, which
 * would not cure a lost dependency and would cut a graceful shutdown short. Readiness reports every
 * registered check in terminus' standard shape, and 503 when the service should get no traffic.
 */
@Controller('health')
export class HealthController {
  private lastState: string | undefined;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    const report = await this.readiness.check();
    this.logChange(report);
    // Throws a 503 carrying the same body when any indicator is down.
    return this.health.check([this.lifecycleIndicator(report), ...this.dependencyIndicators(report)]);
  }

  private lifecycleIndicator(report: ReadinessReport): HealthIndicatorFunction {
    const session = this.indicators.check(LIFECYCLE_CHECK);
    return () =>
      report.reason === 'starting' || report.reason === 'shutting down'
        ? session.down({ reason: report.reason })
        : session.up({ state: 'started' });
  }

  private dependencyIndicators(report: ReadinessReport): HealthIndicatorFunction[] {
    return Object.entries(report.checks).map(([name, result]) => {
      const session = this.indicators.check(name);
      return () =>
        result.status === 'up'
          ? session.up({ duration_ms: result.duration_ms })
          : session.down({ error: result.error, duration_ms: result.duration_ms });
    });
  }

  // Probes arrive every few seconds: log when readiness changes, not on every probe.
  private logChange(report: ReadinessReport): void {
    const down = Object.entries(report.checks)
      .filter(([, result]) => result.status === 'down')
      .map(([name]) => name)
      .sort();
    const state = report.ready ? 'ready' : `${report.reason ?? 'not ready'}:${down.join(',')}`;
    if (state === this.lastState) return;
    this.lastState = state;
    const failing = Object.fromEntries(
      Object.entries(report.checks).filter(([, result]) => result.status === 'down'),
    );
    if (report.ready) this.logger.info('readiness: ready');
    else if (report.reason === 'dependency down')
      this.logger.warn({ checks: failing }, 'readiness: dependency down');
    else this.logger.info({ reason: report.reason, checks: failing }, `readiness: ${report.reason}`);
  }
}
