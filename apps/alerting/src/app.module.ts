import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { createSmokeModule, PlatformModule } from '@rampart/platform';
import type { AlertingConfig } from './config/alerting.config';

/** Pages on-call through PagerDuty, Slack, Opsgenie, Jira and GitHub: grouped, escalated, never twice. */
@Module({})
export class AppModule {
  static register(config: AlertingConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config.platform, logger), createSmokeModule('alerting')],
    };
  }
}
