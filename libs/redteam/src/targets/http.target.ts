import { RedteamError } from '../redteam-error';
import type { AttackTarget, TargetReply, TargetRequest } from './attack-target';
import { checkedUrl, displayUrl, httpCall, scrubSecrets } from './http-call';
import { describeJsonType, evaluateJsonPath, parseJsonPath, type JsonPathSegment } from './json-path';

export type HttpTargetMethod = 'POST' | 'PUT' | 'PATCH';

export interface HttpTargetOptions {
  url: string;
  /** Default POST. */
  method?: HttpTargetMethod;
  /** Values may contain `{{api_key}}` and `{{conversation_id}}`. */
  headers?: Readonly<Record<string, string>>;
  /**
   * A JSON template: string values may contain `{{prompt}}` (the attacker's turn) and
   * `{{conversation_id}}`; a value that is exactly `"{{messages}}"` becomes the conversation as an array of
   * `{role, content}`. Keys are never substituted.
   */
  body: unknown;
  /** Where the reply is in the response, e.g. `$.choices[0].message.content` (see `json-path.ts`). */
  replyPath: string;
  /** Substituted for `{{api_key}}` in headers; sent as `Authorization: Bearer` when no header names it. */
  apiKey?: string;
  /** The application's own system prompt and canary, when known: not sent, only for the leakage judge. */
  systemPrompt?: string;
  canary?: string;
  /** Default 30,000 ms. */
  timeoutMs?: number;
  /** Default 1 MiB. */
  maxReplyBytes?: number;
  /** A stable name for reports; default `http:<host><path>`. */
  id?: string;
  fetch?: typeof fetch;
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;
const BODY_PLACEHOLDERS = ['prompt', 'conversation_id', 'messages'];
const HEADER_PLACEHOLDERS = ['api_key', 'conversation_id'];

/**
 * Any HTTP API that takes a prompt and answers with JSON: an application's chat endpoint, an agent, a
 * RAG service. The request body is built from a JSON template and the reply is found with a small JSONPath
 * subset. Errors follow the chat target's: REDTEAM_TARGET_FAILED, retryable for 429/5xx/timeouts.
 */
export class HttpTarget implements AttackTarget {
  readonly id: string;
  readonly kind = 'http' as const;
  readonly systemPrompt?: string;
  readonly canary?: string;
  readonly #apiKey: string | undefined;
  private readonly url: string;
  private readonly method: HttpTargetMethod;
  private readonly headers: Readonly<Record<string, string>>;
  private readonly body: unknown;
  private readonly replyPath: string;
  private readonly segments: JsonPathSegment[];
  private readonly timeoutMs: number;
  private readonly maxReplyBytes: number;
  private readonly fetch: typeof fetch;

  constructor(options: HttpTargetOptions) {
    const url = checkedUrl(options.url, 'url');
    this.url = url.href;
    this.id = options.id ?? `http:${url.host}${url.pathname}`;
    this.method = options.method ?? 'POST';
    this.#apiKey = options.apiKey || undefined;
    this.headers = options.headers ?? {};
    for (const [name, value] of Object.entries(this.headers))
      checkPlaceholders(value, HEADER_PLACEHOLDERS, `header ${name}`);
    checkTemplate(options.body, '$');
    this.body = options.body;
    this.replyPath = options.replyPath;
    this.segments = parseJsonPath(options.replyPath);
    if (options.systemPrompt !== undefined) this.systemPrompt = options.systemPrompt;
    if (options.canary !== undefined) this.canary = options.canary;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxReplyBytes = options.maxReplyBytes ?? 1_048_576;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async send(request: TargetRequest): Promise<TargetReply> {
    const started = performance.now();
    const values = { prompt: request.turn.text, conversation_id: request.conversationId };
    const body = renderTemplate(this.body, values, request.messages);
    const result = await httpCall({
      url: this.url,
      method: this.method,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...this.renderHeaders(request),
      },
      body: JSON.stringify(body),
      timeoutMs: this.timeoutMs,
      maxReplyBytes: this.maxReplyBytes,
      ...(request.signal ? { signal: request.signal } : {}),
      fetch: this.fetch,
      label: `target ${this.id}`,
    });
    const reply = this.extract(result.body);
    return { reply: scrubSecrets(reply, [this.#apiKey]), latencyMs: performance.now() - started };
  }

  private renderHeaders(request: TargetRequest): Record<string, string> {
    const headers: Record<string, string> = {};
    let keyUsed = false;
    for (const [name, value] of Object.entries(this.headers)) {
      headers[name] = value.replace(PLACEHOLDER, (_all, placeholder: string) => {
        if (placeholder === 'api_key') {
          keyUsed = true;
          return this.#apiKey ?? '';
        }
        return request.conversationId;
      });
    }
    if (this.#apiKey && !keyUsed && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'))
      headers.authorization = `Bearer ${this.#apiKey}`;
    return headers;
  }

  private extract(text: string): string {
    const fail = (why: string) =>
      new RedteamError('REDTEAM_TARGET_FAILED', `target ${this.id} failed: ${why}`, {
        retryable: false,
        details: { reason: 'malformed_reply', replyPath: this.replyPath },
      });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // A plain-text API: `$` means the whole body.
      if (this.segments.length === 0) return text;
      throw fail(
        `the reply from ${displayUrl(this.url)} is not JSON, so reply_path ${this.replyPath} cannot apply`,
      );
    }
    const result = evaluateJsonPath(parsed, this.segments);
    if (!result.found)
      throw fail(
        `reply_path ${this.replyPath} found nothing in the reply: ${result.at} has no ${result.missing}${keysHint(result.node)}`,
      );
    if (typeof result.value !== 'string')
      throw fail(`reply_path ${this.replyPath} found ${describeJsonType(result.value)}, not a string`);
    return result.value;
  }
}

/** What is where a path stopped (key names only, at most 10), to help fix the path. */
function keysHint(node: unknown): string {
  if (Array.isArray(node)) return ` (it is an array of ${node.length})`;
  if (typeof node !== 'object' || node === null) return ` (it is ${describeJsonType(node)})`;
  const keys = Object.keys(node).slice(0, 10);
  return keys.length ? ` (its keys: ${keys.join(', ')})` : ' (it is an empty object)';
}

function checkPlaceholders(text: string, allowed: readonly string[], where: string): void {
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (name === 'messages' && allowed.includes('messages')) {
      if (text.trim() !== match[0])
        throw new RedteamError(
          'REDTEAM_INVALID_TARGET',
          `${where}: {{messages}} must be the whole value (it is replaced by the messages array)`,
        );
    } else if (!allowed.includes(name))
      throw new RedteamError(
        'REDTEAM_INVALID_TARGET',
        `${where}: unknown placeholder {{${name}}}; allowed: ${allowed.map((a) => `{{${a}}}`).join(', ')}`,
      );
  }
}

function checkTemplate(template: unknown, where: string): void {
  if (typeof template === 'string') checkPlaceholders(template, BODY_PLACEHOLDERS, `body ${where}`);
  else if (Array.isArray(template)) template.forEach((item, i) => checkTemplate(item, `${where}[${i}]`));
  else if (typeof template === 'object' && template !== null)
    for (const [key, value] of Object.entries(template)) checkTemplate(value, `${where}.${key}`);
}

/** The template with placeholders substituted; a new value, the template is not touched. */
export function renderTemplate(
  template: unknown,
  values: { prompt: string; conversation_id: string },
  messages: readonly { role: string; content: string }[],
): unknown {
  if (typeof template === 'string') {
    if (/^\s*\{\{\s*messages\s*\}\}\s*$/.test(template))
      return messages.map((m) => ({ role: m.role, content: m.content }));
    return template.replace(PLACEHOLDER, (all, name: string) =>
      name === 'prompt' || name === 'conversation_id' ? values[name] : all,
    );
  }
  if (Array.isArray(template)) return template.map((item) => renderTemplate(item, values, messages));
  if (typeof template === 'object' && template !== null)
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [key, renderTemplate(value, values, messages)]),
    );
  return template;
}
