import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { createSmokeModule, PlatformModule } from '@rampart/platform';
import type { IncidentConfig } from './config/incident.config';

/** Signals become deduplicated incidents with a lifecycle, human approvals and response metrics. */
@Module({})
export class AppModule {
  static register(config: IncidentConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config.platform, logger), createSmokeModule('incident')],
    };
  }
}
