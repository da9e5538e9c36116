import { RedteamError } from '../redteam-error';
import type { ChatMessage } from './attack-target';
import { checkedUrl, httpCall, scrubSecrets } from './http-call';

export interface ChatCompletionsClientOptions {
  /** E.g. `https://api.openai.com/v1` or `http://127.0.0.1:8000/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  /** Sent as a bearer token; never logged, never in errors or returned text. */
  apiKey?: string;
  timeoutMs: number;
  maxReplyBytes: number;
  fetch?: typeof fetch;
  /** Who is calling, for error messages: `target chat:…`, `LLM judge`, `attacker model`. */
  label: string;
  /** What the base URL is called in the caller's configuration, for its error message. */
  baseUrlName?: string;
}

/**
 * One OpenAI-compatible `POST {baseUrl}/chat/completions` call under the HTTP discipline of `httpCall`,
 * answered with `choices[0].message.content`. Shared by the chat target, the LLM judge and the attacker
 * model of the refine loop, which differ only in the messages and sampling options they send.
 */
export class ChatCompletionsClient {
  readonly model: string;
  readonly #apiKey: string | undefined;
  private readonly url: string;

  constructor(private readonly options: ChatCompletionsClientOptions) {
    const base = checkedUrl(options.baseUrl, options.baseUrlName ?? 'base_url');
    if (!options.model) throw new RedteamError('REDTEAM_INVALID_TARGET', 'model is required');
    this.url = `${base.origin}${base.pathname.replace(/\/+$/, '')}/chat/completions`;
    this.model = options.model;
    this.#apiKey = options.apiKey || undefined;
  }

  /** The assistant's answer, with the API key scrubbed should the server echo it. */
  async complete(
    messages: readonly ChatMessage[],
    extra: Record<string, unknown> = {},
    signal?: AbortSignal,
  ): Promise<string> {
    const result = await httpCall({
      url: this.url,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(this.#apiKey ? { authorization: `Bearer ${this.#apiKey}` } : {}),
      },
      body: JSON.stringify({ model: this.model, messages, ...extra }),
      timeoutMs: this.options.timeoutMs,
      maxReplyBytes: this.options.maxReplyBytes,
      ...(signal ? { signal } : {}),
      fetch: this.options.fetch ?? globalThis.fetch,
      label: this.options.label,
    });
    return this.scrub(parseCompletion(result.body, this.options.label));
  }

  /** Text that may contain the key (an upstream error message) with it removed. */
  scrub(text: string): string {
    return scrubSecrets(text, [this.#apiKey]);
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
