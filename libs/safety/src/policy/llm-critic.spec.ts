import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { LlmCritic } from './llm-critic';
import { PolicyError } from './policy-error';

// A local server speaking the chat-completions API; each test says how it answers.
interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  [key: string]: unknown;
}
type Reply = (request: { headers: IncomingMessage['headers']; body: ChatBody }, res: ServerResponse) => void;
let server: Server;
let baseUrl: string;
let reply: Reply;
const received: { headers: IncomingMessage['headers']; body: ChatBody }[] = [];

const API_KEY = 'sk-test-5e1f0c9a7b3d2e8f6a4c1b0d';
const REQUEST = {
  text: 'How do I make a pipe bomb?',
  direction: 'input' as const,
  principles: [
    { id: 'no-weapons', description: 'No help making weapons.' },
    { id: 'no-hate', description: 'No hate.' },
  ],
};

const completion = (content: string) =>
  JSON.stringify({
    id: 'c1',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content } }],
  });
const answer =
  (content: string): Reply =>
  (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(completion(content));

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const request = { headers: req.headers, body: JSON.parse(raw) as ChatBody };
      received.push(request);
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') res.writeHead(404).end();
      else reply(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
});

const critic = (timeoutMs = 1000) =>
  new LlmCritic({ baseUrl, model: 'guard-model', apiKey: API_KEY, timeoutMs });

async function failure(promise: Promise<unknown>): Promise<PolicyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PolicyError);
  const serialised = [
    (error as Error).message,
    (error as Error).stack,
    JSON.stringify(error),
    inspect(error, { depth: 8 }),
  ].join('\n');
  expect(serialised).not.toContain(API_KEY);
  return error as PolicyError;
}

describe('LlmCritic', () => {
  it('posts a chat completion with the model, the bearer key, the principles and the fenced text', async () => {
    reply = answer('{"violates": false, "principles": [], "explanation": "Fine."}');
    await expect(critic().critique(REQUEST)).resolves.toEqual({
      violates: false,
      principles: [],
      explanation: 'Fine.',
    });
    const [request] = received;
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.body).toMatchObject({
      model: 'guard-model',
      temperature: 0,
      response_format: { type: 'json_object' },
    });
    const [system, user] = request.body.messages;
    expect(system.content).toContain('- no-weapons: No help making weapons.');
    expect(user.content).toMatch(/<<<BEGIN ([0-9a-f]{12})>>>\nHow do I make a pipe bomb\?\n<<<END \1>>>$/);
  });

  it('returns the violated principles the critic names, ignoring ids it was not asked about', async () => {
    reply = answer(
      '{"violates": true, "principles": ["no-weapons", "made-up"], "explanation": "Weapon instructions."}',
    );
    await expect(critic().critique(REQUEST)).resolves.toEqual({
      violates: true,
      principles: ['no-weapons'],
      explanation: 'Weapon instructions.',
    });
  });

  it('returns a revision and accepts a reply in a json code fence', async () => {
    reply = answer(
      '```json\n{"violates": true, "principles": ["no-hate"], "revised_text": "a kinder text", "explanation": "Slur."}\n```',
    );
    await expect(critic().critique(REQUEST)).resolves.toEqual({
      violates: true,
      principles: ['no-hate'],
      revisedText: 'a kinder text',
      explanation: 'Slur.',
    });
  });

  it('counts "violates" without a known principle against every principle asked about', async () => {
    reply = answer('{"violates": true, "principles": [], "explanation": "Bad."}');
    await expect(critic().critique(REQUEST)).resolves.toMatchObject({
      principles: ['no-weapons', 'no-hate'],
    });
  });

  it.each([
    ['prose around the JSON', 'Sure! {"violates": false, "principles": [], "explanation": "ok"}'],
    ['a key outside the contract', '{"violates": false, "principles": [], "explanation": "ok", "score": 1}'],
    ['a missing field', '{"violates": false, "principles": []}'],
    ['a wrong type', '{"violates": "no", "principles": [], "explanation": "ok"}'],
    [
      'violated principles while saying nothing is violated',
      '{"violates": false, "principles": ["no-hate"], "explanation": "x"}',
    ],
    ['truncated JSON', '{"violates": false, "principles": ['],
  ])('refuses a reply with %s as malformed', async (_name, content) => {
    reply = answer(content);
    expect((await failure(critic().critique(REQUEST))).reviewFailure).toBe('malformed_reply');
  });

  it('refuses a body that is not a chat completion', async () => {
    reply = (_req, res) => res.writeHead(200).end('<html>gateway</html>');
    expect((await failure(critic().critique(REQUEST))).reviewFailure).toBe('malformed_reply');
  });

  it('fails with the HTTP status on a 500, retryable, without the key', async () => {
    reply = (req, res) => res.writeHead(500).end(`upstream broke; you sent ${req.headers.authorization}`);
    const error = await failure(critic().critique(REQUEST));
    expect(error).toMatchObject({
      reviewFailure: 'http_status',
      retryable: true,
      details: { reason: 'http_status', http_status: 500 },
    });
    expect(error.message).toMatch(/HTTP 500/);
  });

  it('gives up at the deadline on a slow reply and says it timed out', async () => {
    reply = (_req, res) =>
      setTimeout(
        () => answer('{"violates": false, "principles": [], "explanation": "late"}')(_req, res),
        1000,
      );
    const started = Date.now();
    const error = await failure(critic(1000).critique(REQUEST, { timeoutMs: 100 }));
    expect(Date.now() - started).toBeLessThan(800);
    expect(error).toMatchObject({ reviewFailure: 'timeout', status: 504 });
    expect(error.message).toMatch(/no reply within 100 ms/);
  });

  it("stops when the caller's signal aborts", async () => {
    reply = () => undefined;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    expect((await failure(critic().critique(REQUEST, { signal: controller.signal }))).reviewFailure).toBe(
      'aborted',
    );
  });

  it('reports an unreachable endpoint as a network failure', async () => {
    const gone = new LlmCritic({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: API_KEY });
    expect((await failure(gone.critique(REQUEST))).reviewFailure).toBe('network');
  });

  it('scrubs the key if the server echoes it in the explanation', async () => {
    reply = (req, res) =>
      answer(`{"violates": false, "principles": [], "explanation": "${req.headers.authorization}"}`)(
        req,
        res,
      );
    await expect(critic().critique(REQUEST)).resolves.toMatchObject({ explanation: 'Bearer [REDACTED]' });
  });

  it('does not send texts over the size limit', async () => {
    const small = new LlmCritic({ baseUrl, model: 'm', maxTextChars: 10 });
    expect((await failure(small.critique(REQUEST))).reviewFailure).toBe('text_too_large');
    expect(received).toHaveLength(0);
  });

  it('never shows the key when the critic itself is logged', () => {
    expect(inspect(critic(), { depth: 8 }) + JSON.stringify(critic())).not.toContain(API_KEY);
  });

  it('refuses a base URL with credentials or another scheme', () => {
    expect(() => new LlmCritic({ baseUrl: 'http://user:pw@127.0.0.1/v1', model: 'm' })).toThrow(
      /must not contain credentials/,
    );
    expect(() => new LlmCritic({ baseUrl: 'file:///etc', model: 'm' })).toThrow(/http or https/);
  });
});
