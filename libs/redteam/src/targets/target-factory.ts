import { RedteamError } from '../redteam-error';
import type { AttackTarget } from './attack-target';
import { GuardedTarget } from './guarded.target';
import { GuardrailOutputTarget } from './guardrail-output.target';
import { GuardrailTarget, type GuardrailCallContext, type GuardrailChecker } from './guardrail.target';
import { HttpTarget } from './http.target';
import { OpenAiChatTarget } from './openai-chat.target';
import {
  GUARDRAIL_OUTPUT_TARGET_NAME,
  GUARDRAIL_TARGET_NAME,
  type TargetDefinition,
  type TargetsConfig,
} from './target-config';

export interface CreateTargetOptions extends GuardrailCallContext {
  /** The named targets (a validated targets file); without it only `guardrail` exists. */
  readonly config?: TargetsConfig;
  readonly guardrail: GuardrailChecker;
  /** Where `api_key_env` names are looked up (usually `process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
}

/** Every name `createTarget` accepts: `guardrail`, `guardrail-output`, then the file's targets in order. */
export function knownTargetNames(config?: TargetsConfig): string[] {
  return [GUARDRAIL_TARGET_NAME, GUARDRAIL_OUTPUT_TARGET_NAME, ...Object.keys(config?.targets ?? {}).sort()];
}

/**
 * The target called `name`: the built-in `guardrail`, or a chat or HTTP target from the file, wrapped
 * with the guardrail when the definition asks for `guard_input` or `guard_output`. Secrets are read from
 * `env` now, by variable name; an unset variable is an error that names it (never a value).
 */
export function createTarget(name: string, options: CreateTargetOptions): AttackTarget {
  const context: GuardrailCallContext = {
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.userId === undefined ? {} : { userId: options.userId }),
  };
  if (name === GUARDRAIL_TARGET_NAME) return new GuardrailTarget(options.guardrail, context);
  if (name === GUARDRAIL_OUTPUT_TARGET_NAME) return new GuardrailOutputTarget(options.guardrail, context);
  const targets = options.config?.targets ?? {};
  const definition = Object.prototype.hasOwnProperty.call(targets, name) ? targets[name] : undefined;
  if (!definition) {
    const known = knownTargetNames(options.config);
    throw new RedteamError(
      'REDTEAM_INVALID_TARGET',
      `unknown target "${name}"; known targets: ${known.join(', ')}`,
      {
        details: { target: name, known },
      },
    );
  }
  const apiKey = resolveKey(name, definition, options.env);
  const model = modelTarget(definition, apiKey, options.fetch);
  if (!definition.guard_input && !definition.guard_output) return model;
  return new GuardedTarget({
    target: model,
    guardrail: options.guardrail,
    guardInput: definition.guard_input ?? false,
    guardOutput: definition.guard_output ?? false,
    ...context,
  });
}

function resolveKey(
  name: string,
  definition: TargetDefinition,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const variable = definition.api_key_env;
  if (variable === undefined) return undefined;
  const value = Object.prototype.hasOwnProperty.call(env, variable) ? env[variable] : undefined;
  if (value === undefined || value.trim() === '')
    throw new RedteamError(
      'REDTEAM_INVALID_TARGET',
      `target "${name}" needs its API key in the environment variable ${variable}, which is not set`,
      { details: { target: name, variable } },
    );
  return value.trim();
}

function modelTarget(definition: TargetDefinition, apiKey: string | undefined, fetchImpl?: typeof fetch) {
  const shared = {
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(definition.system_prompt === undefined ? {} : { systemPrompt: definition.system_prompt }),
    ...(definition.canary === undefined ? {} : { canary: definition.canary }),
    ...(definition.timeout_ms === undefined ? {} : { timeoutMs: definition.timeout_ms }),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  };
  switch (definition.kind) {
    case 'chat':
      return new OpenAiChatTarget({ baseUrl: definition.base_url, model: definition.model, ...shared });
    case 'http':
      return new HttpTarget({
        url: definition.url,
        ...(definition.method === undefined ? {} : { method: definition.method }),
        ...(definition.headers === undefined ? {} : { headers: definition.headers }),
        body: definition.body,
        replyPath: definition.reply_path,
        ...shared,
      });
  }
}
