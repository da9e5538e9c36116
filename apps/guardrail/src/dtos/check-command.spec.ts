import { create } from '@bufbuild/protobuf';
import { guardrailV1 } from '@rampart/contracts';
import { parseCheckBody, toCheckCommand } from './check-command';

type RequestInit = Parameters<typeof create<typeof guardrailV1.CheckRequestSchema>>[1];

const request = (init: RequestInit) => create(guardrailV1.CheckRequestSchema, init);
const command = (init: RequestInit, maxTextBytes = 1_000) => toCheckCommand(request(init), maxTextBytes);
/** The error a call throws, for assertions on its code, message and details. */
const thrown = (work: () => unknown): Record<string, unknown> => {
  try {
    work();
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the call to throw');
};
const body = (json: string) => parseCheckBody(Buffer.from(json), JSON.parse(json));

describe('check command validation', () => {
  it('turns a full request into a command, and empty context strings into absent values', () => {
    expect(
      command({
        direction: 'output',
        text: 'Hello',
        policy: '7',
        context: {
          conversationId: 'c-42',
          endpoint: 'support-bot',
          userId: '',
          systemPrompt: 'Be kind.',
          messages: [{ role: 'user', content: 'Hi' }],
        },
      }),
    ).toEqual({
      direction: 'output',
      text: 'Hello',
      conversationId: 'c-42',
      endpoint: 'support-bot',
      userId: undefined,
      systemPrompt: 'Be kind.',
      messages: [{ role: 'user', content: 'Hi' }],
      policyVersion: 7,
    });
  });

  it.each([
    [{ text: 'x' }, 'direction', 'direction: is required ("input" or "output")'],
    [
      { direction: 'sideways', text: 'x' },
      'direction',
      'direction: expected "input" or "output", got "sideways"',
    ],
    [{ direction: 'input' }, 'text', 'text: is required'],
    [
      { direction: 'input', text: 'x', policy: 'latest' },
      'policy',
      'policy: expected a policy version number',
    ],
    [{ direction: 'input', text: 'x', policy: '0' }, 'policy', 'policy: expected a policy version number'],
    [{ direction: 'input', text: 'x', policy: '1.5' }, 'policy', 'policy: expected a policy version number'],
  ] as const)('refuses %j naming the field %s', (init, field, message) => {
    expect(thrown(() => command(init))).toMatchObject({
      code: 'GUARDRAIL_REQUEST_INVALID',
      status: 400,
      message,
      details: { field },
    });
  });

  it('quotes at most 40 characters of an unexpected direction', () => {
    const error = thrown(() => command({ direction: 'x'.repeat(500), text: 'x' }));
    expect(error.message).toBe(`direction: expected "input" or "output", got "${'x'.repeat(40)}"`);
  });

  it('names the message whose role is not one of the four chat roles', () => {
    const error = thrown(() =>
      command({
        direction: 'input',
        text: 'x',
        context: {
          messages: [
            { role: 'user', content: 'a' },
            { role: 'root', content: 'b' },
          ],
        },
      }),
    );
    expect(error).toMatchObject({
      code: 'GUARDRAIL_REQUEST_INVALID',
      message: 'context.messages[1].role: expected system, user, assistant or tool',
    });
  });

  it.each([
    ['conversationId', 'context.conversation_id'],
    ['endpoint', 'context.endpoint'],
    ['userId', 'context.user_id'],
  ] as const)(
    'refuses a %s that is not a short identifier, naming it as the caller spelt it (%s)',
    (key, field) => {
      for (const value of ['has space', 'x'.repeat(201), 'semi;colon']) {
        expect(
          thrown(() => command({ direction: 'input', text: 'x', context: { [key]: value } })),
        ).toMatchObject({
          message: `${field}: expected at most 200 letters, digits or . _ : @ / -`,
          details: { field },
        });
      }
      expect(command({ direction: 'input', text: 'x', context: { [key]: 'a.b_c:d@e/f-1' } })).toBeDefined();
    },
  );

  it('measures the text limit in UTF-8 bytes, not characters', () => {
    expect(command({ direction: 'input', text: 'é'.repeat(5) }, 10).text).toBe('ééééé');
    expect(thrown(() => command({ direction: 'input', text: 'é'.repeat(6) }, 10))).toMatchObject({
      code: 'GUARDRAIL_TEXT_TOO_LARGE',
      status: 413,
      message: 'text: 12 bytes, more than the 10 allowed',
      details: { field: 'text', bytes: 12, limit: 10 },
    });
  });
});

describe('HTTP check body parsing', () => {
  it('accepts the documented JSON with snake_case names', () => {
    expect(
      body(
        '{"direction":"input","text":"hi","context":{"conversation_id":"c-1","messages":[]},"policy":"3"}',
      ),
    ).toMatchObject({ direction: 'input', text: 'hi', policy: '3', context: { conversationId: 'c-1' } });
  });

  it.each([
    [
      '{"direction":"input","text":"x","colour":"blue"}',
      'colour',
      'colour: is not a field of a check request',
    ],
    [
      '{"direction":"input","text":"x","context":{"user":"u"}}',
      'context.user',
      'context.user: is not a field',
    ],
    [
      '{"direction":"input","text":"x","context":{"messages":[{"role":"user","content":"a","name":"n"}]}}',
      'context.messages[].name',
      'context.messages[].name: is not a field',
    ],
    ['{"direction":"input","text":42}', 'text', 'text: expected string'],
    [
      '{"direction":"input","text":"x","context":{"user_id":7}}',
      'context.user_id',
      'context.user_id: expected string',
    ],
  ])('refuses %s naming %s', (json, field, message) => {
    const error = thrown(() => body(json));
    expect(error).toMatchObject({ code: 'GUARDRAIL_REQUEST_INVALID', details: { field } });
    expect(error.message).toContain(message);
  });

  it.each([['[]'], ['"text"'], ['null']])('refuses a body that is not a JSON object: %s', (json) => {
    expect(thrown(() => body(json))).toMatchObject({ message: '(body): expected a JSON object' });
  });

  it('refuses invalid UTF-8 before looking at the fields', () => {
    const raw = Buffer.concat([
      Buffer.from('{"direction":"input","text":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    expect(thrown(() => parseCheckBody(raw, { direction: 'input', text: '\ufffd(' }))).toMatchObject({
      code: 'GUARDRAIL_REQUEST_INVALID',
      message: '(body): is not valid UTF-8',
    });
  });
});
