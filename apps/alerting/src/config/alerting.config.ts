import { loadServiceConfig } from '@rampart/config';
import { DEFAULT_HTTP_PORTS } from '@rampart/contracts';

/** The alerting service's configuration: the platform's variables (it has none of its own yet). */
export function loadAlertingConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig('alerting', DEFAULT_HTTP_PORTS['alerting'], {}, env);
}

export type AlertingConfig = ReturnType<typeof loadAlertingConfig>;
