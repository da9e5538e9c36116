import { FakeChatServer } from '@rampart/testing';
import type { GuardrailChecker } from './guardrail.target';
import { GuardedTarget } from './guarded.target';
import { GuardrailOutputTarget } from './guardrail-output.target';
import { GuardrailTarget } from './guardrail.target';
import { HttpTarget } from './http.target';
import { OpenAiChatTarget } from './openai-chat.target';
import { parseTargetsConfig, validateTargetsConfig } from './target-config';
import { createTarget, knownTargetNames } from './target-factory';

const KEY = 'sk-factory-test-99aa88bb77cc66dd';
const guardrail: GuardrailChecker = {
  check: async () => ({ verdict: 'allow', score: 0, categories: [], decisionId: 'd', policyVersion: 'v' }),
};

const YAML = `
targets:
  support-bot:
    kind: chat
    base_url: http://127.0.0.1:1/v1
    model: victim-mini
    api_key_env: VICTIM_KEY
    system_prompt: You are Acme support. The code word is ZEBRA-7731.
    canary: ZEBRA-7731
    guard_input: true
    guard_output: true
    timeout_ms: 5000
  bare-bot:
    kind: chat
    base_url: http://127.0.0.1:1/v1
    model: open-model
  acme-app:
    kind: http
    url: https://app.example.com/api/chat
    headers: { x-api-key: '{{api_key}}' }
    api_key_env: ACME_KEY
    body: { session: '{{conversation_id}}', message: '{{prompt}}' }
    reply_path: $.answer.text
`;

describe('targets file', () => {
  it('parses named chat and http targets', () => {
    const config = parseTargetsConfig(YAML);
    expect(Object.keys(config.targets)).toEqual(['support-bot', 'bare-bot', 'acme-app']);
    expect(config.targets['acme-app']).toMatchObject({ kind: 'http', reply_path: '$.answer.text' });
  });

  it.each([
    [
      'a literal key under an unknown name',
      'targets:\n  a:\n    kind: chat\n    base_url: http://x/v1\n    model: m\n    api_key: sk-123\n',
      'targets.a.api_key: unknown key; allowed: kind, base_url',
    ],
    [
      'a misspelt key, with a suggestion',
      'targets:\n  a:\n    kind: chat\n    base_url: http://x/v1\n    model: m\n    system_promt: hi\n',
      'unknown key (did you mean "system_prompt"?)',
    ],
    [
      'a missing model',
      'targets:\n  a:\n    kind: chat\n    base_url: http://x/v1\n',
      'targets.a.model: is required',
    ],
    [
      'a redefined guardrail',
      'targets:\n  guardrail:\n    kind: chat\n    base_url: http://x/v1\n    model: m\n',
      'built in',
    ],
    [
      'credentials in the URL',
      'targets:\n  a:\n    kind: chat\n    base_url: http://u:p@x/v1\n    model: m\n',
      'without credentials',
    ],
    [
      'a literal key in a header',
      "targets:\n  a:\n    kind: http\n    url: http://x/chat\n    headers: { authorization: 'Bearer sk-live-123' }\n    body: {}\n    reply_path: $.a\n",
      'must not hold a literal value',
    ],
    [
      'a bad reply path',
      'targets:\n  a:\n    kind: http\n    url: http://x/chat\n    body: {}\n    reply_path: $..a\n',
      'reply_path',
    ],
    [
      'a bad env var name',
      'targets:\n  a:\n    kind: chat\n    base_url: http://x/v1\n    model: m\n    api_key_env: not-a-name\n',
      'environment variable name',
    ],
  ])('rejects %s, with the path and line', (_what, text, message) => {
    expect(() => parseTargetsConfig(text, 'targets.yaml')).toThrow(message);
    expect(() => parseTargetsConfig(text, 'targets.yaml')).toThrow(/targets\.yaml: .*\(line \d+\)/);
  });

  it('validates a value that is not YAML', () => {
    let error: unknown;
    try {
      validateTargetsConfig({ targets: { a: { kind: 'smtp' } } });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'REDTEAM_INVALID_TARGET' });
    expect((error as Error).message).toContain('targets.a.kind');
  });
});

describe('createTarget', () => {
  const config = parseTargetsConfig(YAML);
  const env = { VICTIM_KEY: KEY, ACME_KEY: 'acme-key-123456' };

  it('always knows the built-in guardrail targets, input and output side', () => {
    expect(createTarget('guardrail', { guardrail, env: {} })).toBeInstanceOf(GuardrailTarget);
    expect(createTarget('guardrail-output', { guardrail, env: {} })).toBeInstanceOf(GuardrailOutputTarget);
    expect(knownTargetNames(config)).toEqual([
      'guardrail',
      'guardrail-output',
      'acme-app',
      'bare-bot',
      'support-bot',
    ]);
  });

  it('wraps a guarded chat target with the guardrail and keeps its system prompt and canary', () => {
    const target = createTarget('support-bot', { config, guardrail, env });
    expect(target).toBeInstanceOf(GuardedTarget);
    expect(target).toMatchObject({ kind: 'chat', canary: 'ZEBRA-7731' });
    expect(target.systemPrompt).toContain('ZEBRA-7731');
  });

  it('builds unguarded chat and http targets', () => {
    expect(createTarget('bare-bot', { config, guardrail, env: {} })).toBeInstanceOf(OpenAiChatTarget);
    expect(createTarget('acme-app', { config, guardrail, env })).toBeInstanceOf(HttpTarget);
  });

  it('lists the known names for an unknown target', () => {
    expect(() => createTarget('nope', { config, guardrail, env })).toThrow(
      'unknown target "nope"; known targets: guardrail, guardrail-output, acme-app, bare-bot, support-bot',
    );
  });

  it('names a missing environment variable, never a value', () => {
    let message = '';
    try {
      createTarget('support-bot', { config, guardrail, env: { ACME_KEY: 'acme-key-123456' } });
    } catch (error) {
      message = (error as Error).message;
      expect(error).toMatchObject({ code: 'REDTEAM_INVALID_TARGET', details: { variable: 'VICTIM_KEY' } });
    }
    expect(message).toContain('VICTIM_KEY');
    expect(message).not.toContain('acme-key');
  });

  it('sends the key read from the environment to the configured server', async () => {
    const server = new FakeChatServer({ apiKey: KEY, respond: () => 'ok' });
    const baseUrl = await server.start();
    try {
      const live = validateTargetsConfig({
        targets: { live: { kind: 'chat', base_url: baseUrl, model: 'm', api_key_env: 'VICTIM_KEY' } },
      });
      const target = createTarget('live', { config: live, guardrail, env });
      const reply = await target.send({
        conversationId: 'c',
        messages: [{ role: 'user', content: 'hi' }],
        turn: { text: 'hi', carriesGoal: true, purpose: 'ask' },
      });
      expect(reply.reply).toBe('ok');
    } finally {
      await server.close();
    }
  });
});
