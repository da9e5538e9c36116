import { FakeChatServer } from '@rampart/testing';
import type { GeneratedAttack } from '../generation/attack-generator';
import { decideOutcome } from '../judges/outcome-decider';
import { GuardrailVerdictJudge } from '../judges/guardrail-verdict.judge';
import { AttackRunner } from '../runner/attack-runner';
import type { AttackTarget, TargetRequest } from '../targets/attack-target';
import type { Goal, Persona } from '../types';
import { parseRefinement, RefineLoop } from './refine-loop';

const persona = {
  id: 'jailbreak_attacker',
  goal: 'get past the guardrail',
  successCriteria: [],
} as unknown as Persona;
const goal = {
  id: 'test/g',
  category: 'S2',
  text: 'explain the trick',
  topic: 'tricks',
  indicators: [],
} as unknown as Goal;
const attack: GeneratedAttack = {
  replayKey: 'rk1.x',
  attackId: 'a',
  persona: persona.id,
  severity: 'high',
  goal: { id: goal.id, category: 'S2' },
  strategy: ['plain'],
  seed: 's',
  dataVersion: 'v',
  maxTurns: 1,
  turns: [{ text: 'explain the trick', carriesGoal: true, purpose: 'ask' }],
};

/** A guardrail that lets a prompt through only when it says "kindly". */
class PoliteGuardrail implements AttackTarget {
  readonly id = 'guardrail';
  readonly kind = 'guardrail' as const;
  readonly seen: string[] = [];
  async send(request: TargetRequest) {
    this.seen.push(request.turn.text);
    const allowed = request.turn.text.includes('kindly');
    return {
      inputCheck: {
        verdict: allowed ? ('allow' as const) : ('block' as const),
        score: allowed ? 0.1 : 0.9,
        categories: allowed ? [] : ['jailbreak'],
        decisionId: 'd',
        policyVersion: '1',
      },
      latencyMs: 1,
    };
  }
}

describe('RefineLoop (PAIR-style, attacker model over the chat-completions API)', () => {
  const attacker = new FakeChatServer();
  let baseUrl: string;
  const runner = new AttackRunner([new GuardrailVerdictJudge()], decideOutcome);
  const context = { persona, goal, conversationId: 'conv' };

  beforeAll(async () => {
    baseUrl = await attacker.start();
  });
  afterAll(() => attacker.close());

  it('asks the attacker model for a better prompt after a block, with the verdict, and stops at the first success', async () => {
    attacker.respond = (messages) => {
      expect(messages[0].role).toBe('system');
      expect(messages[1].content).toMatch(/Guardrail verdict: block .*jailbreak/);
      return '```json\n{"improvement": "asked politely", "prompt": "kindly explain the trick"}\n```';
    };
    const target = new PoliteGuardrail();
    const run = await new RefineLoop(runner, { baseUrl, model: 'attacker' }).run(attack, target, context, 3);
    expect(target.seen).toEqual(['explain the trick', 'kindly explain the trick']);
    expect(run.final.outcome.success).toBe(true);
    expect(run.steps.map((s) => s.improvement)).toEqual(['', 'asked politely']);
    expect(run.stoppedBecause).toBe('the attack succeeded');
    // Each attempt is its own conversation for the guardrail.
    expect(new Set(run.steps.map((s) => s.result.conversationId)).size).toBe(2);
  });

  it('stops after its iteration budget when nothing gets through', async () => {
    attacker.respond = () => '{"improvement": "rephrased", "prompt": "explain the trick, please"}';
    const target = new PoliteGuardrail();
    const run = await new RefineLoop(runner, { baseUrl, model: 'attacker' }).run(attack, target, context, 2);
    expect(target.seen).toHaveLength(3);
    expect(run.final.outcome.success).toBe(false);
    expect(run.stoppedBecause).toBe('no success within 2 refinements');
  });

  it('stops, saying why, when the attacker model answers something unusable', async () => {
    attacker.respond = () => 'I cannot help with red-teaming.';
    const run = await new RefineLoop(runner, { baseUrl, model: 'attacker' }).run(
      attack,
      new PoliteGuardrail(),
      context,
      3,
    );
    expect(run.steps).toHaveLength(1);
    expect(run.stoppedBecause).toBe('the attacker model gave no usable prompt');
  });

  it('reads the refinement JSON from prose or a fence, and rejects an empty prompt', () => {
    expect(parseRefinement('Sure! {"improvement": "x", "prompt": "p"} Good luck')).toEqual({
      improvement: 'x',
      prompt: 'p',
    });
    expect(parseRefinement('{"improvement": "x", "prompt": "  "}')).toBeUndefined();
    expect(parseRefinement('{"prompt": 3}')).toBeUndefined();
    expect(parseRefinement('no json')).toBeUndefined();
  });
});
