import { FakeChatServer } from '@rampart/testing';
import { RedteamError } from '../redteam-error';
import type { TargetRequest } from './attack-target';
import { HttpTarget, type HttpTargetOptions } from './http.target';

// The fake chat server is the HTTP API here: the target's template builds a chat-completions body.
const KEY = 'sk-http-target-0f1e2d3c4b5a6978';
let server: FakeChatServer;
let url: string;

beforeAll(async () => {
  server = new FakeChatServer({
    apiKey: KEY,
    respond: (messages) => `answer to: ${messages.at(-1)!.content}`,
  });
  url = `${await server.start()}/chat/completions`;
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const request: TargetRequest = {
  conversationId: 'conv-42',
  messages: [
    { role: 'user', content: 'Hello' },
    { role: 'assistant', content: 'Hi' },
    { role: 'user', content: 'Say "quoted" things\nplease' },
  ],
  turn: { text: 'Say "quoted" things\nplease', carriesGoal: true, purpose: 'ask' },
};

const target = (options: Partial<HttpTargetOptions> = {}) =>
  new HttpTarget({
    url,
    apiKey: KEY,
    body: { model: 'app-model', messages: '{{messages}}', user: 'session {{conversation_id}}' },
    replyPath: '$.choices[0].message.content',
    timeoutMs: 2000,
    ...options,
  });

async function failure(promise: Promise<unknown>): Promise<RedteamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RedteamError);
  expect(JSON.stringify(error) + (error as Error).message).not.toContain(KEY);
  return error as RedteamError;
}

describe('HttpTarget', () => {
  it('replaces "{{messages}}" with the conversation and substitutes {{conversation_id}}', async () => {
    const reply = await target().send(request);
    expect(reply.reply).toBe('answer to: Say "quoted" things\nplease');
    const body = server.requests[0].body!;
    expect(body.messages).toEqual(request.messages);
    expect(body.user).toBe('session conv-42');
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('substitutes {{prompt}} inside strings, JSON-escaped, at any depth', async () => {
    await target({
      body: {
        model: 'app-model',
        messages: [{ role: 'user', content: 'Question: {{prompt}}' }],
        meta: { tags: ['{{conversation_id}}', 7, true, null] },
      },
    }).send(request);
    const body = server.requests[0].body!;
    expect(body.messages[0].content).toBe('Question: Say "quoted" things\nplease');
    expect(body.meta).toEqual({ tags: ['conv-42', 7, true, null] });
  });

  it('puts the key where a header names {{api_key}}, and nowhere else', async () => {
    await target({
      headers: { authorization: 'Bearer {{api_key}}', 'x-session': '{{conversation_id}}' },
    }).send(request);
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${KEY}`);
    expect(server.requests[0].headers['x-session']).toBe('conv-42');
    expect(server.requests[0].rawBody).not.toContain(KEY);
  });

  it('says where reply_path found nothing, naming the keys that are there', async () => {
    const error = await failure(target({ replyPath: '$.choices[0].message.text' }).send(request));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('$.choices[0].message has no .text');
    expect(error.message).toContain('its keys: role, content');
  });

  it('says when reply_path finds something that is not a string', async () => {
    const error = await failure(target({ replyPath: '$.usage' }).send(request));
    expect(error.message).toContain('found an object, not a string');
  });

  it('maps HTTP errors like the chat target', async () => {
    const error = await failure(target({ apiKey: 'sk-not-the-right-key' }).send(request));
    expect(error.details).toMatchObject({ httpStatus: 401 });
    expect(error.retryable).toBe(false);
  });

  it.each([
    [{ body: { q: '{{question}}' } }, 'unknown placeholder {{question}}'],
    [{ body: { q: 'all: {{messages}}' } }, '{{messages}} must be the whole value'],
    [{ headers: { 'x-q': '{{prompt}}' } }, 'unknown placeholder {{prompt}}'],
    [{ replyPath: 'choices' }, 'must start with $'],
  ])('rejects a bad template or path when built: %j', (options, message) => {
    expect(() => target(options as Partial<HttpTargetOptions>)).toThrow(message);
  });
});
