import { FakeChatServer } from './fake-chat-server';

const KEY = 'sk-fake-test-0123456789abcdef';
let server: FakeChatServer;
let baseUrl: string;

beforeAll(async () => {
  server = new FakeChatServer({ apiKey: KEY, respond: (messages) => `echo ${messages.length}` });
  baseUrl = await server.start();
});

afterAll(() => server.close());

beforeEach(() => {
  server.reset();
  server.failure = undefined;
  server.delayMs = 0;
});

async function post(body: unknown, options: { key?: string | null; path?: string } = {}) {
  const key = options.key === undefined ? KEY : options.key;
  const response = await fetch(`${baseUrl}${options.path ?? '/chat/completions'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { error: Record<string, unknown> } & Record<string, unknown>,
  };
}

const VALID = { model: 'fake-model', messages: [{ role: 'user', content: 'hi there' }] };

describe('FakeChatServer', () => {
  it('starts on 127.0.0.1 and returns the /v1 base URL', () => {
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('answers a valid request with a chat.completion and records it', async () => {
    const { status, body } = await post({ ...VALID, temperature: 0 });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'fake-model',
      choices: [{ index: 0, message: { role: 'assistant', content: 'echo 1' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 },
    });
    expect(typeof body.id).toBe('string');
    expect(typeof body.created).toBe('number');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].body).toMatchObject({ temperature: 0, messages: VALID.messages });
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it.each([
    ['a missing model', { messages: VALID.messages }, 'model', 'missing_required_parameter'],
    ['missing messages', { model: 'm' }, 'messages', 'missing_required_parameter'],
    ['messages that are not an array', { model: 'm', messages: 'hi' }, 'messages', 'invalid_type'],
    ['an empty messages array', { model: 'm', messages: [] }, 'messages', 'empty_array'],
    [
      'an unknown role',
      { model: 'm', messages: [{ role: 'bot', content: 'x' }] },
      'messages[0].role',
      'invalid_value',
    ],
    [
      'non-string content',
      {
        model: 'm',
        messages: [
          { role: 'user', content: 'a' },
          { role: 'user', content: { text: 'x' } },
        ],
      },
      'messages[1].content',
      'invalid_type',
    ],
  ])(
    'rejects %s with a 400 invalid_request_error naming the parameter',
    async (_what, request, param, code) => {
      const { status, body } = await post(request);
      expect(status).toBe(400);
      expect(body.error).toEqual({ message: expect.any(String), type: 'invalid_request_error', param, code });
      expect(server.requests[0].body).toBeUndefined();
    },
  );

  it('rejects a body that is not JSON with a 400', async () => {
    const { status, body } = await post('{nope');
    expect(status).toBe(400);
    expect(body.error.type).toBe('invalid_request_error');
  });

  it.each([
    ['missing', null],
    ['wrong', 'sk-wrong-key'],
  ])('answers 401 invalid_api_key when the bearer token is %s, without echoing it', async (_what, key) => {
    const { status, body } = await post(VALID, { key });
    expect(status).toBe(401);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });
    expect(JSON.stringify(body)).not.toContain('sk-wrong-key');
  });

  it('answers 404 for other paths', async () => {
    const { status, body } = await post(VALID, { path: '/models' });
    expect(status).toBe(404);
    expect(body.error.type).toBe('invalid_request_error');
  });

  it('injects failures, for a number of requests when asked', async () => {
    server.failure = { status: 429, times: 1 };
    const first = await post(VALID);
    expect(first.status).toBe(429);
    expect(first.body.error.code).toBe('rate_limit_exceeded');
    expect((await post(VALID)).status).toBe(200);
    server.failure = { status: 500 };
    expect((await post(VALID)).status).toBe(500);
    expect((await post(VALID)).status).toBe(500);
  });

  it('answers 500 when respond throws', async () => {
    const fresh = new FakeChatServer({
      respond: () => {
        throw new Error('boom');
      },
    });
    const url = await fresh.start();
    try {
      const response = await fetch(`${url}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify(VALID),
      });
      expect(response.status).toBe(500);
    } finally {
      await fresh.close();
    }
  });

  it('delays answers by delayMs', async () => {
    server.delayMs = 150;
    const started = performance.now();
    expect((await post(VALID)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});
