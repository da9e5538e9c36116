import { loadServiceConfig } from '@rampart/config';
import { DEFAULT_HTTP_PORTS } from '@rampart/contracts';

/** The incident service's configuration: the platform's variables (it has none of its own yet). */
export function loadIncidentConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig('incident', DEFAULT_HTTP_PORTS['incident'], {}, env);
}

export type IncidentConfig = ReturnType<typeof loadIncidentConfig>;
