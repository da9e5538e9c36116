import type { AttackTarget, ChatMessage, TargetReply, TargetRequest } from './attack-target';
import { ChatCompletionsClient } from './chat-completions.client';
import { checkedUrl } from './http-call';

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
  private readonly client: ChatCompletionsClient;
  private readonly extra: Record<string, unknown>;

  constructor(options: OpenAiChatTargetOptions) {
    this.id = `chat:${options.model}@${checkedUrl(options.baseUrl, 'base_url').host}`;
    this.client = new ChatCompletionsClient({
      baseUrl: options.baseUrl,
      model: options.model,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      timeoutMs: options.timeoutMs ?? 30_000,
      maxReplyBytes: options.maxReplyBytes ?? 1_048_576,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      label: `target ${this.id}`,
    });
    if (options.systemPrompt !== undefined) this.systemPrompt = options.systemPrompt;
    if (options.canary !== undefined) this.canary = options.canary;
    this.extra = {
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      ...(options.maxTokens === undefined ? {} : { max_tokens: options.maxTokens }),
    };
  }

  async send(request: TargetRequest): Promise<TargetReply> {
    const started = performance.now();
    const messages: ChatMessage[] = [
      ...(this.systemPrompt ? [{ role: 'system' as const, content: this.systemPrompt }] : []),
      ...request.messages.map((m) => ({ role: m.role, content: m.content })),
    ];
    const reply = await this.client.complete(messages, this.extra, request.signal);
    return { reply, latencyMs: performance.now() - started };
  }
}
