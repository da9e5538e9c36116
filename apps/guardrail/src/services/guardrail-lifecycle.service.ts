import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@rampart/observability';
import { PlatformLifecycle } from '@rampart/platform';
import { GUARDRAIL_SETTINGS, type GuardrailSettings } from '../config/guardrail.config';
import { BackgroundWork } from './background-work';
import { CanaryMonitor } from './canary-monitor.service';
import { DecisionStats } from './decision-stats';
import { PolicyRolloutService } from './policy-rollout.service';
import { PolicyStore } from './policy-store.service';

/**
 * Start: make sure a stable policy exists (seeding the shipped constitution), load it, start the stats
 * flush, the canary comparison and the reconciliation poll. Stop (after the transports stopped taking
 * checks): finish what checks started after replying, flush the stats.
 */
@Injectable()
export class GuardrailLifecycle implements OnApplicationBootstrap {
  private poll?: NodeJS.Timeout;

  constructor(
    private readonly rollout: PolicyRolloutService,
    private readonly store: PolicyStore,
    private readonly stats: DecisionStats,
    private readonly monitor: CanaryMonitor,
    private readonly background: BackgroundWork,
    private readonly platform: PlatformLifecycle,
    @Inject(GUARDRAIL_SETTINGS) private readonly settings: GuardrailSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.rollout.ensureStable();
    await this.store.reload(true);
    this.stats.start();
    this.monitor.start();
    this.poll = setInterval(
      () =>
        void this.store
          .reload()
          .catch((error: unknown) => this.logger.warn({ err: error }, 'policy reload failed')),
      this.settings.policyPollMs,
    );
    this.platform.registerDrain('guardrail', async () => {
      clearInterval(this.poll);
      this.monitor.stop();
      await this.background.drain();
      await this.stats.stop();
    });
  }
}
