import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { createSmokeModule, PlatformModule } from '@rampart/platform';
import type { GuardrailConfig } from './config/guardrail.config';

/** Inline checks of every prompt and model response: SafetyGuard detectors and the constitutional policy. */
@Module({})
export class AppModule {
  static register(config: GuardrailConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config.platform, logger), createSmokeModule('guardrail')],
    };
  }
}
