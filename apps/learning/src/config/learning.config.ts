import { loadServiceConfig } from '@rampart/config';
import { DEFAULT_HTTP_PORTS } from '@rampart/contracts';

/** The learning service's configuration: the platform's variables (it has none of its own yet). */
export function loadLearningConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig('learning', DEFAULT_HTTP_PORTS['learning'], {}, env);
}

export type LearningConfig = ReturnType<typeof loadLearningConfig>;
