import { loadServiceConfig } from '@rampart/config';
import { DEFAULT_HTTP_PORTS } from '@rampart/contracts';

/** The adversary service's configuration: the platform's variables (it has none of its own yet). */
export function loadAdversaryConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig('adversary', DEFAULT_HTTP_PORTS['adversary'], {}, env);
}

export type AdversaryConfig = ReturnType<typeof loadAdversaryConfig>;
