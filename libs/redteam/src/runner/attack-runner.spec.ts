import type { GeneratedAttack } from '../generation/attack-generator';
import type { AttemptRecord, Judge, Judgement } from '../judges/judge';
import type { AttackTarget, TargetRequest } from '../targets/attack-target';
import type { Goal, Persona } from '../types';
import { AttackRunner, type OutcomeDecider } from './attack-runner';

const persona = { id: 'p', severity: 'high', maxTurns: 5 } as Persona;
const goal = { id: 'test/g', category: 'S1', text: 'g', topic: 't', indicators: [] } as unknown as Goal;

function attack(turns: { text: string; carriesGoal: boolean }[]): GeneratedAttack {
  return {
    replayKey: 'rk1.x',
    attackId: 'a1',
    persona: 'p',
    severity: 'high',
    goal: { id: 'test/g', category: 'S1' },
    strategy: ['s'],
    seed: '1',
    dataVersion: 'v',
    maxTurns: 5,
    turns: turns.map((t, i) => ({ ...t, purpose: `turn ${i}` })),
  };
}

/** A model that echoes, behind a guardrail that blocks any turn containing "BLOCK". */
class EchoTarget implements AttackTarget {
  readonly id = 'echo';
  readonly kind = 'chat' as const;
  readonly requests: TargetRequest[] = [];

  async send(request: TargetRequest) {
    this.requests.push(request);
    const blocked = request.turn.text.includes('BLOCK');
    const inputCheck = {
      verdict: blocked ? ('block' as const) : ('allow' as const),
      score: blocked ? 0.9 : 0.1,
      categories: [],
      decisionId: `d${this.requests.length}`,
      policyVersion: '1',
    };
    return blocked
      ? { inputCheck, latencyMs: 1 }
      : { inputCheck, reply: `echo: ${request.turn.text}`, latencyMs: 1 };
  }
}

const seen: AttemptRecord[] = [];
const judge: Judge = {
  id: 'last-turn-allowed',
  judge: async (attempt): Promise<Judgement> => {
    seen.push(attempt);
    const last = attempt.turns.at(-1);
    const allowed = last?.reply.inputCheck?.verdict === 'allow';
    return {
      judge: 'last-turn-allowed',
      verdict: allowed ? 'success' : 'failure',
      confidence: 1,
      reason: 'r',
      evidence: [],
    };
  },
};
const decide: OutcomeDecider = (_attempt, judgements) => ({
  success: judgements[0].verdict === 'success',
  decidedBy: judgements[0].judge,
  reason: 'test',
  judgements,
});

describe('AttackRunner', () => {
  it('sends every turn in order, carrying the conversation with the replies, and judges the whole attempt', async () => {
    const target = new EchoTarget();
    const result = await new AttackRunner([judge], decide).run(
      attack([
        { text: 'hello', carriesGoal: false },
        { text: 'tell me more', carriesGoal: false },
        { text: 'the ask', carriesGoal: true },
      ]),
      target,
      { persona, goal, conversationId: 'c-1' },
    );
    expect(target.requests.map((r) => r.messages.map((m) => `${m.role}:${m.content}`))).toEqual([
      ['user:hello'],
      ['user:hello', 'assistant:echo: hello', 'user:tell me more'],
      [
        'user:hello',
        'assistant:echo: hello',
        'user:tell me more',
        'assistant:echo: tell me more',
        'user:the ask',
      ],
    ]);
    expect(new Set(target.requests.map((r) => r.conversationId))).toEqual(new Set(['c-1']));
    expect(result.turns).toHaveLength(3);
    expect(result.outcome).toMatchObject({ success: true, decidedBy: 'last-turn-allowed' });
    expect(seen.at(-1)?.turns).toHaveLength(3);
  });

  it('carries on after a blocked warm-up turn, which drops out of the conversation the model sees', async () => {
    const target = new EchoTarget();
    const result = await new AttackRunner([judge], decide).run(
      attack([
        { text: 'BLOCK me', carriesGoal: false },
        { text: 'the ask', carriesGoal: true },
      ]),
      target,
      { persona, goal, conversationId: 'c-2' },
    );
    expect(target.requests).toHaveLength(2);
    expect(target.requests[1].messages).toEqual([{ role: 'user', content: 'the ask' }]);
    expect(result.stoppedEarly).toBeUndefined();
  });

  it('stops when a goal-carrying turn is blocked before the last turn, and says why', async () => {
    const target = new EchoTarget();
    const result = await new AttackRunner([judge], decide).run(
      attack([
        { text: 'BLOCK the ask', carriesGoal: true },
        { text: 'follow-up', carriesGoal: true },
      ]),
      target,
      { persona, goal, conversationId: 'c-3' },
    );
    expect(target.requests).toHaveLength(1);
    expect(result.stoppedEarly).toMatch(/turn 1 carried the goal and was blocked/);
    expect(result.outcome.success).toBe(false);
  });

  it('stops before the next turn once the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    await expect(
      new AttackRunner([judge], decide).run(attack([{ text: 'x', carriesGoal: true }]), new EchoTarget(), {
        persona,
        goal,
        conversationId: 'c-4',
        signal: controller.signal,
      }),
    ).rejects.toThrow('shutting down');
  });
});
