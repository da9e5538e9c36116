/**
 * Keeps credentials out of logs, spans and health responses. Two layers: values under secret-looking keys
 * are replaced whole, and strings are scanned for credentials embedded in text (connection strings,
 * authorization headers, well-known API key formats), since those reach logs through error messages that
 * nobody wrote with logging in mind.
 */

export const REDACTED = '[REDACTED]';
const MASK = '***';

// Words that mark a key as secret wherever they appear in it (`dbPassword`, `x-api-key`, `nats_secret`).
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'secret',
  'secrets',
  'credential',
  'credentials',
  'authorization',
  'cookie',
  'cookies',
  'apikey',
  'privatekey',
  'jwt',
]);
// Words that make `<word>_key` secret (`api_key`, `private_key`, `signing-key`), while `cache_key` is not.
const SECRET_KEY_QUALIFIERS = new Set([
  'api',
  'private',
  'access',
  'signing',
  'encryption',
  'session',
  'master',
]);

/**
 * Whether a property name holds a credential. Token counts are common fields on an LLM platform
 * (`prompt_tokens`, `max_tokens`), so only a key *ending* in the singular `token` counts.
 */
export function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  if (lower === 'pass') return true; // NATS connection options call the password `pass`
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  const last = words[words.length - 1];
  if (last === 'token') return true;
  if (last === 'key' && words.length > 1 && SECRET_KEY_QUALIFIERS.has(words[words.length - 2])) return true;
  return false;
}

type Replacement = [pattern: RegExp, replace: string | ((match: string, ...groups: string[]) => string)];

const keepPrefix =
  (prefix: RegExp): ((match: string) => string) =>
  (match) =>
    `${prefix.exec(match)?.[0] ?? ''}${MASK}`;

const TEXT_REPLACEMENTS: Replacement[] = [
  [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----(?:[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----|[^"]*)/g,
    '[REDACTED PRIVATE KEY]',
  ],
  // scheme://user:password@host — keep the user, it helps tell which connection failed.
  [/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:]*):([^\s/?#@]+)@/gi, `$1$2:${MASK}@`],
  [
    /([?&;](?:password|passwd|pwd|pass|token|access_token|refresh_token|id_token|api[_-]?key|secret|client_secret|key|sig|signature|auth|authorization|credentials?)=)[^&#\s"']+/gi,
    `$1${MASK}`,
  ],
  [/\b(bearer)(\s+)[A-Za-z0-9._~+/-]{8,}=*/gi, `$1$2${MASK}`],
  // Base64 of user:password; the lookahead keeps prose like "basic information" intact.
  [/\b(Basic)(\s+)(?=[A-Za-z0-9+/]*[0-9=])[A-Za-z0-9+/]{8,}={0,2}/g, `$1$2${MASK}`],
  // libpq-style and config-style key=value pairs.
  [
    /\b(password|passwd|pwd|secret|client_secret|api_key|apikey|access_token|refresh_token|token)(\s*=\s*)(?:'[^']*'|"[^"]*"|[^\s&;,'"]+)/gi,
    `$1$2${MASK}`,
  ],
  // Serialised JSON inside a message ("password":"...").
  [
    /("(?:password|passwd|secret|client_secret|token|access_token|refresh_token|api_?key|authorization|cookie)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    `$1"${MASK}"`,
  ],
  [/\bsk-(?:proj-|ant-|live-|test-)?[A-Za-z0-9_-]{16,}/g, keepPrefix(/^sk-/)],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}/g, keepPrefix(/^gh[pousr]_/)],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}/g, keepPrefix(/^github_pat_/)],
  [/\bglpat-[A-Za-z0-9_-]{20,}/g, keepPrefix(/^glpat-/)],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, keepPrefix(/^xox[abposr]-/)],
  [/\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b/g, keepPrefix(/^[A-Z]{4}/)],
  [/\bAIza[0-9A-Za-z_-]{35}/g, keepPrefix(/^AIza/)],
  [/\b[rs]k_(?:live|test)_[0-9A-Za-z]{16,}/g, keepPrefix(/^[rs]k_(?:live|test)_/)],
  [/\bhf_[A-Za-z0-9]{30,}/g, keepPrefix(/^hf_/)],
  [/\bnpm_[A-Za-z0-9]{36}\b/g, keepPrefix(/^npm_/)],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, `eyJ${MASK}`],
];

/** Masks credentials embedded in free text; the rest of the text is left as it was. */
export function maskSecrets(text: string): string {
  let result = text;
  for (const [pattern, replace] of TEXT_REPLACEMENTS) {
    result =
      typeof replace === 'string' ? result.replace(pattern, replace) : result.replace(pattern, replace);
  }
  return result;
}

const MAX_DEPTH = 8;
const MAX_CAUSE_DEPTH = 3;

export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  cause?: unknown;
  [key: string]: unknown;
}

/** An Error as a log field: type, masked message and stack, its code, safe own fields and its causes. */
export function serializeError(err: Error, causeDepth = 0): SerializedError {
  const out: SerializedError = {
    type: err.constructor?.name && err.constructor.name !== 'Object' ? err.constructor.name : err.name,
    message: maskSecrets(String(err.message)),
  };
  if (err.stack) out.stack = maskSecrets(err.stack);
  for (const key of Object.keys(err)) {
    if (key === 'message' || key === 'stack' || key === 'cause') continue;
    out[key] = isSecretKey(key)
      ? REDACTED
      : redactSecrets((err as unknown as Record<string, unknown>)[key], 1);
  }
  const cause = err.cause;
  if (cause !== undefined && causeDepth < MAX_CAUSE_DEPTH) {
    out.cause = cause instanceof Error ? serializeError(cause, causeDepth + 1) : redactSecrets(cause, 1);
  }
  return out;
}

/**
 * A copy of `value` safe to log: secret keys redacted at any depth, strings masked, Errors serialised.
 * Never mutates the input (callers keep using their objects) and survives cycles and deep nesting.
 */
export function redactSecrets(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return maskSecrets(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return serializeError(value);
  if (value instanceof Date) return value;
  if (Buffer.isBuffer(value)) return `[Buffer ${value.length} bytes]`;
  if (depth >= MAX_DEPTH) return '[Object]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen));
    if (value instanceof Map) {
      return redactSecrets(Object.fromEntries(value), depth, seen);
    }
    if (value instanceof Set) return [...value].map((item) => redactSecrets(item, depth + 1, seen));
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      return redactSecrets((toJSON as () => unknown).call(value), depth + 1, seen);
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = isSecretKey(key) && !isHarmless(item) ? REDACTED : redactSecrets(item, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

// `password_set: true` says nothing about the password and helps debugging.
function isHarmless(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'boolean';
}
