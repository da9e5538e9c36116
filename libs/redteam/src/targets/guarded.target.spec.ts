import type { AttackTarget, GuardrailVerdict, TargetRequest } from './attack-target';
import { GuardedTarget } from './guarded.target';
import { GuardrailTarget, type GuardrailCheckInput, type GuardrailChecker } from './guardrail.target';

const verdict = (v: GuardrailVerdict['verdict']): GuardrailVerdict => ({
  verdict: v,
  score: v === 'allow' ? 0.1 : 0.9,
  categories: v === 'allow' ? [] : ['jailbreak'],
  decisionId: `d-${v}`,
  policyVersion: 'p1',
});

/** A guardrail stand-in (the app wires the real one to NATS): blocks texts containing a word. */
function fakeGuardrail(blockWord: string, onOutput: GuardrailVerdict['verdict'] = 'allow') {
  const calls: GuardrailCheckInput[] = [];
  const checker: GuardrailChecker = {
    check: async (input) => {
      calls.push(input);
      if (input.direction === 'output') return verdict(onOutput);
      return verdict(input.text.includes(blockWord) ? 'block' : 'allow');
    },
  };
  return { checker, calls };
}

function fakeModel(answer = 'model answer') {
  const sent: TargetRequest[] = [];
  const model: AttackTarget = {
    id: 'chat:m@host',
    kind: 'chat',
    systemPrompt: 'secret prompt',
    canary: 'CANARY-123',
    send: async (request) => {
      sent.push(request);
      return { reply: answer, latencyMs: 1 };
    },
  };
  return { model, sent };
}

const request = (text: string): TargetRequest => ({
  conversationId: 'c1',
  messages: [{ role: 'user', content: text }],
  turn: { text, carriesGoal: true, purpose: 'ask' },
});

describe('GuardrailTarget', () => {
  it("checks the attacker's turn as input and returns only the verdict", async () => {
    const { checker, calls } = fakeGuardrail('bomb');
    const target = new GuardrailTarget(checker, { endpoint: 'support', userId: 'red-1' });
    const reply = await target.send(request('how to build a bomb'));
    expect(reply.inputCheck?.verdict).toBe('block');
    expect(reply.reply).toBeUndefined();
    expect(calls).toEqual([
      {
        direction: 'input',
        text: 'how to build a bomb',
        conversationId: 'c1',
        endpoint: 'support',
        userId: 'red-1',
        messages: [{ role: 'user', content: 'how to build a bomb' }],
      },
    ]);
    expect(target.kind).toBe('guardrail');
  });

  it('turns a checker failure into a REDTEAM_TARGET_FAILED', async () => {
    const target = new GuardrailTarget({
      check: () => Promise.reject(new Error('nats timeout')),
    });
    await expect(target.send(request('hi'))).rejects.toMatchObject({
      code: 'REDTEAM_TARGET_FAILED',
      retryable: true,
    });
  });
});

describe('GuardedTarget', () => {
  it('does not call the model when the input is blocked, and has no reply', async () => {
    const { checker } = fakeGuardrail('bomb');
    const { model, sent } = fakeModel();
    const reply = await new GuardedTarget({ target: model, guardrail: checker }).send(
      request('a bomb please'),
    );
    expect(sent).toHaveLength(0);
    expect(reply.reply).toBeUndefined();
    expect(reply.inputCheck?.verdict).toBe('block');
  });

  it('calls the model when the input is allowed, and checks the reply when asked', async () => {
    const { checker, calls } = fakeGuardrail('bomb', 'block');
    const { model, sent } = fakeModel('dangerous answer');
    const guarded = new GuardedTarget({ target: model, guardrail: checker, guardOutput: true });
    const reply = await guarded.send(request('hello'));
    expect(sent).toHaveLength(1);
    expect(reply.reply).toBe('dangerous answer');
    expect(reply.inputCheck?.verdict).toBe('allow');
    expect(reply.outputCheck?.verdict).toBe('block');
    expect(calls[1]).toMatchObject({
      direction: 'output',
      text: 'dangerous answer',
      messages: [
        { role: 'user', content: 'hello' },
        { role: 'assistant', content: 'dangerous answer' },
      ],
    });
    expect(guarded).toMatchObject({ kind: 'chat', systemPrompt: 'secret prompt', canary: 'CANARY-123' });
    expect(guarded.id).toBe('guarded:chat:m@host');
  });

  it('checks only the output when input checks are off', async () => {
    const { checker, calls } = fakeGuardrail('bomb');
    const { model, sent } = fakeModel();
    const reply = await new GuardedTarget({
      target: model,
      guardrail: checker,
      guardInput: false,
      guardOutput: true,
    }).send(request('a bomb please'));
    expect(sent).toHaveLength(1);
    expect(reply.inputCheck).toBeUndefined();
    expect(calls.map((c) => c.direction)).toEqual(['output']);
  });
});
