import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { createSmokeModule, PlatformModule } from '@rampart/platform';
import type { AdversaryConfig } from './config/adversary.config';

/** Red-team attacks from personas and composable strategies, code scanning and cloud configuration audit. */
@Module({})
export class AppModule {
  static register(config: AdversaryConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config.platform, logger), createSmokeModule('adversary')],
    };
  }
}
