import { z } from 'zod';
import {
  describeIssue,
  formatProblems,
  parseYaml,
  reservedKeys,
  type Path,
  type Problem,
} from '../corpus/validation-problems';
import { RedteamError } from '../redteam-error';
import { parseJsonPath } from './json-path';

/**
 * A named-targets file, e.g.
 *
 * ```yaml
 * targets:
 *   support-bot:
 *     kind: chat
 *     base_url: https://api.openai.com/v1
 *     model: gpt-4o-mini
 *     api_key_env: OPENAI_API_KEY        # the variable's name; the key itself never goes in the file
 *     system_prompt: You are Acme's support assistant. Code word ZEBRA-7731.
 *     canary: ZEBRA-7731
 *     guard_input: true
 *   acme-app:
 *     kind: http
 *     url: https://app.example.com/api/chat
 *     headers: { x-api-key: '{{api_key}}' }
 *     api_key_env: ACME_APP_KEY
 *     body: { session: '{{conversation_id}}', message: '{{prompt}}' }
 *     reply_path: $.answer.text
 * ```
 *
 * `guardrail` is always available and cannot be redefined. `guard_input` / `guard_output` put the
 * guardrail in front of the model (both default false: the file says what is in the path).
 */
export const GUARDRAIL_TARGET_NAME = 'guardrail';
/** The guardrail's output side: attacker turns are simulated model responses (see GuardrailOutputTarget). */
export const GUARDRAIL_OUTPUT_TARGET_NAME = 'guardrail-output';

const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name, e.g. OPENAI_API_KEY');
const timeout = z.int().min(1).max(600_000);
const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}, 'expected an http(s) URL without credentials');

const common = {
  guard_input: z.boolean().optional(),
  guard_output: z.boolean().optional(),
  timeout_ms: timeout.optional(),
  api_key_env: envName.optional(),
  system_prompt: z.string().min(1).max(100_000).optional(),
  canary: z.string().min(4).max(200).optional(),
};

const chatTargetSchema = z.strictObject({
  kind: z.literal('chat'),
  base_url: httpUrl,
  model: z.string().min(1),
  ...common,
});

/** Headers that carry credentials must take them from `{{api_key}}`, never as a literal in the file. */
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|cookie)$/i;

const httpTargetSchema = z
  .strictObject({
    kind: z.literal('http'),
    url: httpUrl,
    method: z.enum(['POST', 'PUT', 'PATCH']).optional(),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'expected a header name'), z.string()).optional(),
    body: z.json(),
    reply_path: z.string().superRefine((path, context) => {
      try {
        parseJsonPath(path);
      } catch (error) {
        context.addIssue({
          code: 'custom',
          message: error instanceof Error ? error.message : 'invalid path',
        });
      }
    }),
    ...common,
  })
  .superRefine((target, context) => {
    for (const [name, value] of Object.entries(target.headers ?? {}))
      if (CREDENTIAL_HEADER.test(name) && !value.includes('{{api_key}}'))
        context.addIssue({
          code: 'custom',
          path: ['headers', name],
          message: 'a credential header must not hold a literal value; write {{api_key}} and set api_key_env',
        });
  });

export const targetDefinitionSchema = z.discriminatedUnion('kind', [chatTargetSchema, httpTargetSchema]);

export const targetsFileSchema = z.strictObject({
  targets: z
    .record(
      z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'expected a lower-case name (letters, digits, . _ -)'),
      targetDefinitionSchema,
    )
    .superRefine((targets, context) => {
      for (const builtIn of [GUARDRAIL_TARGET_NAME, GUARDRAIL_OUTPUT_TARGET_NAME])
        if (Object.prototype.hasOwnProperty.call(targets, builtIn))
          context.addIssue({
            code: 'custom',
            path: [builtIn],
            message: `"${builtIn}" is built in and cannot be redefined`,
          });
    }),
});

export type ChatTargetDefinition = z.infer<typeof chatTargetSchema>;
export type HttpTargetDefinition = z.infer<typeof httpTargetSchema>;
export type TargetDefinition = z.infer<typeof targetDefinitionSchema>;
export type TargetsConfig = z.infer<typeof targetsFileSchema>;

const ALLOWED: Record<string, readonly string[]> = {
  chat: Object.keys(chatTargetSchema.shape),
  http: ['kind', 'url', 'method', 'headers', 'body', 'reply_path', ...Object.keys(common)],
};

/** Validates a targets file that is already a value; throws REDTEAM_INVALID_TARGET listing every problem. */
export function validateTargetsConfig(value: unknown, source = 'targets'): TargetsConfig {
  return check(value, source, () => undefined);
}

/** Parses and validates a targets file written in YAML. */
export function parseTargetsConfig(text: string, source = 'targets.yaml'): TargetsConfig {
  const parsed = parseYaml(text);
  if ('problems' in parsed) throw invalid(source, parsed.problems);
  return check(parsed.value, source, (path) => parsed.line(path));
}

function check(value: unknown, source: string, line: (path: Path) => number | undefined): TargetsConfig {
  const reserved = reservedKeys(value);
  if (reserved.length > 0) throw invalid(source, reserved, line);
  const result = targetsFileSchema.safeParse(value);
  if (result.success) return result.data;
  const allowed = (path: Path): readonly string[] => {
    if (path.length === 0) return ['targets'];
    if (path.length === 2 && path[0] === 'targets') {
      const kind = (value as { targets?: Record<string, { kind?: unknown }> }).targets?.[String(path[1])]
        ?.kind;
      return typeof kind === 'string' ? (ALLOWED[kind] ?? []) : [];
    }
    return [];
  };
  throw invalid(
    source,
    result.error.issues.flatMap((issue) => describeIssue(issue, value, allowed)),
    line,
  );
}

function invalid(source: string, problems: readonly Problem[], line?: (path: Path) => number | undefined) {
  return new RedteamError(
    'REDTEAM_INVALID_TARGET',
    `invalid targets file:\n${formatProblems(source, problems, line)}`,
    {
      details: { problems: problems.length },
    },
  );
}
