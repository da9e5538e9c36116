import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { createSmokeModule, PlatformModule } from '@rampart/platform';
import type { LearningConfig } from './config/learning.config';

/** Attacks that got through become new detections, regression-tested and rolled out by canary. */
@Module({})
export class AppModule {
  static register(config: LearningConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config.platform, logger), createSmokeModule('learning')],
    };
  }
}
