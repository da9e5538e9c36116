import { RedteamError } from '../redteam-error';
import type { AttackTarget, ChatMessage, TargetReply, TargetRequest } from './attack-target';
import { checkedUrl, httpCall, scrubSecrets } from './http-call';

export interface OpenAiChatTargetOptions {
  /** E.g. `https://api.openai.com/v1` or `http://127.0.0.1:8000/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  /** Sent as a bearer token; never logged, never in errors. */
  apiKey?: string;
  /** Sent first, as a `system` message, on every call. */
  systemPrompt?: string;
  /** A token planted in the system prompt, for the leakage judge. */
  canary?: string;
  /** Per-call deadline in milliseconds (default 30,000). */
  timeoutMs?: number;
  /** Largest reply body read (default 1 MiB). */
  maxReplyBytes?: number;
  /** Sampling temperature sent with each call, when set. */
  temperature?: number;
  /** `max_tokens` sent with each call, when set. */
  maxTokens?: number;
  fetch?: typeof fetch;
}

/**
 * A model behind an OpenAI-compatible `POST {baseUrl}/chat/completions`: the conversation is sent whole
 * (the configured system prompt first), and the reply is `choices[0].message.content`. One request per
 * turn, under a deadline, no retries here: a failure is a retryable `REDTEAM_TARGET_FAILED` for 429, 5xx,
 * timeouts and network errors (the runner decides whether to retry) and a final one for 400, 401, 404.
 */
export class OpenAiChatTarget implements AttackTarget {
  readonly id: string;
  readonly kind = 'chat' as const;
  readonly systemPrompt?: string;
  readonly canary?: string;
  readonly #apiKey: string | undefined;
  private readonly url: string;
  private readonly model: string;
  private readonly timeoutMs: number;
  private readonly maxReplyBytes: number;
  private readonly extra: Record<string, unknown>;
  private readonly fetch: typeof fetch;

  constructor(options: OpenAiChatTargetOptions) {
    const base = checkedUrl(options.baseUrl, 'base_url');
    if (!options.model) throw new RedteamError('REDTEAM_INVALID_TARGET', 'model is required');
    this.url = `${base.origin}${base.pathname.replace(/\/+$/, '')}/chat/completions`;
    this.model = options.model;
    this.id = `chat:${options.model}@${base.host}`;
    this.#apiKey = options.apiKey || undefined;
    if (options.systemPrompt !== undefined) this.systemPrompt = options.systemPrompt;
    if (options.canary !== undefined) this.canary = options.canary;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxReplyBytes = options.maxReplyBytes ?? 1_048_576;
    this.extra = {
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      ...(options.maxTokens === undefined ? {} : { max_tokens: options.maxTokens }),
    };
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async send(request: TargetRequest): Promise<TargetReply> {
    const started = performance.now();
    const messages: ChatMessage[] = [
      ...(this.systemPrompt ? [{ role: 'system' as const, content: this.systemPrompt }] : []),
      ...request.messages.map((m) => ({ role: m.role, content: m.content })),
    ];
    const result = await httpCall({
      url: this.url,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(this.#apiKey ? { authorization: `Bearer ${this.#apiKey}` } : {}),
      },
      body: JSON.stringify({ model: this.model, messages, ...this.extra }),
      timeoutMs: this.timeoutMs,
      maxReplyBytes: this.maxReplyBytes,
      ...(request.signal ? { signal: request.signal } : {}),
      fetch: this.fetch,
      label: `target ${this.id}`,
    });
    const reply = parseCompletion(result.body, `target ${this.id}`);
    return { reply: scrubSecrets(reply, [this.#apiKey]), latencyMs: performance.now() - started };
  }
}

/** `choices[0].message.content` of a chat.completion (or its `refusal`, for models that put refusals there). */
export function parseCompletion(body: string, label: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw malformed(label, 'the reply is not JSON');
  }
  const choices = (parsed as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices) || choices.length === 0) throw malformed(label, 'the reply has no choices');
  const message = (choices[0] as { message?: { content?: unknown; refusal?: unknown } } | null)?.message;
  if (typeof message?.content === 'string') return message.content;
  if (typeof message?.refusal === 'string') return message.refusal;
  throw malformed(label, 'choices[0].message.content is not a string');
}

function malformed(label: string, why: string): RedteamError {
  return new RedteamError('REDTEAM_TARGET_FAILED', `${label} failed: ${why}`, {
    retryable: false,
    details: { reason: 'malformed_reply' },
  });
}
