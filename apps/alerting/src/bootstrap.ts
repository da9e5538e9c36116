import { runService, type RunningService } from '@rampart/platform';
import { AppModule } from './app.module';
import { loadAlertingConfig } from './config/alerting.config';
import { tracing } from './instrumentation';

/** Validates the configuration (exiting with the bad variable's name if it is wrong), then starts. */
export function bootstrap(): Promise<RunningService> {
  return runService({
    loadConfig: () => loadAlertingConfig(),
    createModule: (config, logger) => AppModule.register(config, logger),
    tracing,
  });
}
