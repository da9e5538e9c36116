import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { createSmokeModule, PlatformModule } from '@rampart/platform';
import type { CampaignSchedulerConfig } from './config/campaign-scheduler.config';

/** Scheduled and event-triggered red-team campaigns, attack success rates and regression gates. */
@Module({})
export class AppModule {
  static register(config: CampaignSchedulerConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config.platform, logger), createSmokeModule('campaign-scheduler')],
    };
  }
}
