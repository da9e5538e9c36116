import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message as the fake server received it (validated: a known role and string content). */
export interface FakeChatMessage {
  role: 'system' | 'user' | 'assistant' | 'developer' | 'tool';
  content: string;
}

/** A validated chat-completions request body. */
export interface FakeChatBody {
  model: string;
  messages: FakeChatMessage[];
  [key: string]: unknown;
}

/** One HTTP request the server received, whatever its fate (404, 401, 400 or answered). */
export interface RecordedChatRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Present when the body passed validation. */
  body?: FakeChatBody;
  /** The status the server answered with. */
  status: number;
}

export interface FakeChatFailure {
  /** The HTTP status to answer with, e.g. 429 or 500. */
  status: number;
  /** Fail only this many requests, then answer normally (default: every request). */
  times?: number;
  message?: string;
}

export interface FakeChatServerOptions {
  /** The assistant's answer; by default it echoes the last user message. Throwing answers 500. */
  respond?: (messages: FakeChatMessage[], body: FakeChatBody) => string | Promise<string>;
  /** When set, requests need `Authorization: Bearer <apiKey>`; others get 401 `invalid_api_key`. */
  apiKey?: string;
  /** Wait this long before answering a valid request (to exercise deadlines). */
  delayMs?: number;
  /** Answer valid, authorised requests with this error status instead. */
  failure?: FakeChatFailure;
}

const ROLES = new Set(['system', 'user', 'assistant', 'developer', 'tool']);
const MAX_BODY_BYTES = 4 * 1024 * 1024;

interface ErrorReply {
  status: number;
  message: string;
  type: string;
  param?: string | null;
  code?: string | null;
}

class RequestError extends Error {
  constructor(readonly reply: ErrorReply) {
    super(reply.message);
  }
}

/**
 * A local server speaking the OpenAI chat-completions wire contract, for tests: `POST /v1/chat/completions`
 * validated as the real API does (400 `invalid_request_error` for a missing model or messages, an unknown
 * role or non-string content; 401 `invalid_api_key` for a missing or wrong bearer token when a key is
 * expected; 404 for any other path), answered with a `chat.completion` whose content `respond` decides.
 * Every request is recorded in `requests` for assertions. `respond`, `delayMs` and `failure` may be
 * changed between tests.
 */
export class FakeChatServer {
  readonly requests: RecordedChatRequest[] = [];
  respond: NonNullable<FakeChatServerOptions['respond']>;
  delayMs: number;
  failure: FakeChatFailure | undefined;
  private readonly apiKey: string | undefined;
  private failed = 0;
  private completions = 0;
  private url: string | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server;

  constructor(options: FakeChatServerOptions = {}) {
    this.respond = options.respond ?? echoLastUserMessage;
    this.apiKey = options.apiKey;
    this.delayMs = options.delayMs ?? 0;
    this.failure = options.failure;
    this.server = createServer((request, response) => {
      this.handle(request, response).catch(() => {
        if (!response.headersSent && !response.destroyed) response.writeHead(500).end();
      });
    });
  }

  /** Listens on 127.0.0.1 on a free port; resolves to the base URL, `http://127.0.0.1:PORT/v1`. */
  async start(): Promise<string> {
    if (this.url) return this.url;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this.url;
  }

  /** The base URL (after `start()`). */
  get baseUrl(): string {
    if (!this.url) throw new Error('FakeChatServer is not started');
    return this.url;
  }

  /** Forgets recorded requests and injected-failure counts. */
  reset(): void {
    this.requests.length = 0;
    this.failed = 0;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.url = undefined;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const record: RecordedChatRequest = {
      method: request.method ?? 'GET',
      path,
      headers: request.headers,
      rawBody: '',
      status: 0,
    };
    this.requests.push(record);
    try {
      record.rawBody = await readBody(request);
      if (record.method !== 'POST' || path !== '/v1/chat/completions')
        throw new RequestError({
          status: 404,
          message: `Invalid URL (${record.method} ${path})`,
          type: 'invalid_request_error',
        });
      this.authorise(request.headers.authorization);
      const body = validate(record.rawBody);
      record.body = body;
      if (this.failure && (this.failure.times === undefined || this.failed < this.failure.times)) {
        this.failed++;
        throw new RequestError(injected(this.failure));
      }
      let content: string;
      try {
        content = await this.respond(body.messages, body);
      } catch {
        throw new RequestError({
          status: 500,
          message: 'The server had an error while processing your request.',
          type: 'server_error',
        });
      }
      await this.wait(response);
      this.send(response, record, 200, this.completion(body, content));
    } catch (error) {
      const reply =
        error instanceof RequestError
          ? error.reply
          : { status: 500, message: 'The server had an error.', type: 'server_error' };
      this.send(response, record, reply.status, {
        error: {
          message: reply.message,
          type: reply.type,
          param: reply.param ?? null,
          code: reply.code ?? null,
        },
      });
    }
  }

  private authorise(header: string | undefined): void {
    if (this.apiKey === undefined) return;
    const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
    if (token === this.apiKey) return;
    throw new RequestError({
      status: 401,
      // Unlike the real API, the fake never echoes any part of the key it was sent.
      message: token
        ? 'Incorrect API key provided.'
        : "You didn't provide an API key. Provide it in the Authorization header (Bearer auth).",
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    });
  }

  private completion(body: FakeChatBody, content: string): Record<string, unknown> {
    const promptTokens = body.messages.reduce((sum, message) => sum + countTokens(message.content), 0);
    const completionTokens = countTokens(content);
    this.completions++;
    return {
      id: `chatcmpl-fake-${this.completions}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
    };
  }

  private wait(response: ServerResponse): Promise<void> {
    if (this.delayMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, this.delayMs);
      this.timers.add(timer);
      response.once('close', () => {
        clearTimeout(timer);
        this.timers.delete(timer);
        resolve();
      });
    });
  }

  private send(response: ServerResponse, record: RecordedChatRequest, status: number, body: unknown): void {
    record.status = status;
    if (response.destroyed || response.headersSent) return;
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

/** Creates and starts a fake server; the caller closes it. */
export async function startFakeChatServer(options: FakeChatServerOptions = {}): Promise<FakeChatServer> {
  const server = new FakeChatServer(options);
  await server.start();
  return server;
}

function echoLastUserMessage(messages: FakeChatMessage[]): string {
  const last = [...messages].reverse().find((message) => message.role === 'user');
  return last ? `You said: ${last.content}` : 'Hello.';
}

function injected(failure: FakeChatFailure): ErrorReply {
  if (failure.status === 429)
    return {
      status: 429,
      message: failure.message ?? 'Rate limit reached for requests. Please try again later.',
      type: 'requests',
      code: 'rate_limit_exceeded',
    };
  if (failure.status >= 500)
    return {
      status: failure.status,
      message: failure.message ?? 'The server had an error while processing your request.',
      type: 'server_error',
    };
  return {
    status: failure.status,
    message: failure.message ?? `Injected failure (HTTP ${failure.status}).`,
    type: 'invalid_request_error',
  };
}

function validate(raw: string): FakeChatBody {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw invalid('We could not parse the JSON body of your request.', null, null);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalid('The request body must be a JSON object.', null, null);
  const { model, messages } = body as Record<string, unknown>;
  if (model === undefined || model === null || model === '')
    throw invalid('you must provide a model parameter', 'model', 'missing_required_parameter');
  if (typeof model !== 'string')
    throw invalid(
      `Invalid type for 'model': expected a string, but got ${typeName(model)} instead.`,
      'model',
    );
  if (messages === undefined || messages === null)
    throw invalid("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  if (!Array.isArray(messages))
    throw invalid(
      `Invalid type for 'messages': expected an array, but got ${typeName(messages)} instead.`,
      'messages',
    );
  if (messages.length === 0)
    throw invalid(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  messages.forEach((message: unknown, index) => {
    const param = `messages[${index}]`;
    if (typeof message !== 'object' || message === null || Array.isArray(message))
      throw invalid(
        `Invalid type for '${param}': expected an object, but got ${typeName(message)} instead.`,
        param,
      );
    const { role, content } = message as Record<string, unknown>;
    if (role === undefined)
      throw invalid(
        `Missing required parameter: '${param}.role'.`,
        `${param}.role`,
        'missing_required_parameter',
      );
    if (typeof role !== 'string' || !ROLES.has(role))
      throw invalid(
        `Invalid value: ${JSON.stringify(role)}. Supported values are: 'system', 'assistant', 'user', 'developer' and 'tool'.`,
        `${param}.role`,
        'invalid_value',
      );
    if (content === undefined)
      throw invalid(
        `Missing required parameter: '${param}.content'.`,
        `${param}.content`,
        'missing_required_parameter',
      );
    if (typeof content !== 'string')
      throw invalid(
        `Invalid type for '${param}.content': expected a string, but got ${typeName(content)} instead.`,
        `${param}.content`,
      );
  });
  return body as FakeChatBody;
}

function invalid(message: string, param: string | null, code: string | null = 'invalid_type'): RequestError {
  return new RequestError({ status: 400, message, type: 'invalid_request_error', param, code });
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function countTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).byteLength;
    if (total > MAX_BODY_BYTES)
      throw new RequestError({
        status: 413,
        message: 'Request body too large.',
        type: 'invalid_request_error',
      });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
