import { runService, type RunningService } from '@rampart/platform';
import { AppModule } from './app.module';
import { loadGuardrailConfig } from './config/guardrail.config';
import { tracing } from './instrumentation';

/** Validates the configuration (exiting with the bad variable's name if it is wrong), then starts. */
export function bootstrap(): Promise<RunningService> {
  return runService({
    loadConfig: () => loadGuardrailConfig(),
    createModule: (config, logger) => AppModule.register(config, logger),
    tracing,
    // The check endpoint verifies the body is valid UTF-8, and accepts texts up to the configured size.
    http: { rawBody: true, bodyLimitBytes: (config) => config.guardrail.maxTextBytes * 2 + 256 * 1024 },
  });
}
