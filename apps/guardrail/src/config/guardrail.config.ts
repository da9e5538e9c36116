import { loadServiceConfig } from '@rampart/config';
import { DEFAULT_HTTP_PORTS } from '@rampart/contracts';

/** The guardrail service's configuration: the platform's variables (it has none of its own yet). */
export function loadGuardrailConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig('guardrail', DEFAULT_HTTP_PORTS['guardrail'], {}, env);
}

export type GuardrailConfig = ReturnType<typeof loadGuardrailConfig>;
