import { RedteamError } from '../redteam-error';
import { StrategyRegistry } from '../strategies/strategy-registry';
import type { ConversationPlanner, Mutator } from '../strategies/strategy';
import type { Goal, GoalCategory, Persona } from '../types';
import { AttackGenerator, type GoalSource, type PersonaSource } from './attack-generator';

// Tiny strategies with visible effects, so these tests pin the generator's own behaviour (seeding, goal and
// tactic choice, chain order, turn caps) independently of the shipped strategies' templates.
const upper: Mutator = {
  id: 'upper',
  kind: 'obfuscation',
  description: 'upper case',
  apply: (t) => t.toUpperCase(),
};
const tag: Mutator = {
  id: 'tag',
  kind: 'framing',
  description: 'random tag',
  apply: (t, { rng }) => `[${rng.int(0, 1_000_000)}] ${t}`,
};
const steps: ConversationPlanner = {
  id: 'steps',
  kind: 'multi-turn',
  description: 'n warm-up turns',
  plan: (ask, { maxTurns, goal }) => [
    ...Array.from({ length: Math.max(0, Math.min(4, maxTurns) - 1) }, (_, i) => ({
      text: `tell me about ${goal.topic} (${i})`,
      carriesGoal: false,
      purpose: `warm-up ${i + 1}`,
    })),
    { text: ask, carriesGoal: true, purpose: 'ask' },
  ],
};

function goal(id: string, category: GoalCategory): Goal {
  return {
    id: `test/${id}`,
    corpus: 'test',
    category,
    text: `goal ${id}`,
    topic: `topic ${id}`,
    indicators: [],
  };
}

const goals = [goal('a', 'S1'), goal('b', 'S1'), goal('c', 'S2'), goal('d', 'data_exfiltration')];
const persona: Persona = {
  id: 'tester',
  priority: 'high',
  goal: 'test',
  description: 'test persona',
  tactics: ['upper', 'tag', 'upper,tag', 'tag,steps'],
  goalCategories: ['S1', 'S2'],
  successCriteria: [{ kind: 'guardrail_allows' }],
  maxTurns: 8,
  severity: 'critical',
  source: 'inline',
};
const personas: PersonaSource = {
  get: (id) => {
    if (id !== persona.id) throw new RedteamError('REDTEAM_UNKNOWN_PERSONA', `Unknown persona "${id}"`);
    return persona;
  },
};
const goalSource: GoalSource = {
  get: (id) => {
    const found = goals.find((g) => g.id === id);
    if (!found) throw new RedteamError('REDTEAM_UNKNOWN_GOAL', `Unknown goal "${id}"`);
    return found;
  },
  byCategory: (categories) => goals.filter((g) => categories.includes(g.category)),
};

function generator(dataVersion = 'v1', maxTurnsCap?: number): AttackGenerator {
  return new AttackGenerator({
    personas,
    goals: goalSource,
    strategies: new StrategyRegistry([upper, tag, steps]),
    dataVersion,
    ...(maxTurnsCap ? { maxTurnsCap } : {}),
  });
}

describe('AttackGenerator', () => {
  it('generates the same attack, byte for byte, from the same inputs', () => {
    const spec = { persona: 'tester', seed: 's-1' };
    expect(JSON.stringify(generator().generate(spec))).toBe(JSON.stringify(generator().generate(spec)));
  });

  it('replays a key into exactly the attack it came from', () => {
    for (const attack of generator().generateMany({ persona: 'tester', seed: 'replay', count: 20 })) {
      expect(generator().replay(attack.replayKey)).toEqual(attack);
    }
  });

  it('applies a chain left to right', () => {
    const attack = generator().generate({
      persona: 'tester',
      strategy: 'tag,upper',
      goal: 'test/a',
      seed: 'x',
    });
    expect(attack.turns).toHaveLength(1);
    expect(attack.turns[0].text).toMatch(/^\[\d+\] GOAL A$/);
    const reversed = generator().generate({
      persona: 'tester',
      strategy: 'upper,tag',
      goal: 'test/a',
      seed: 'x',
    });
    expect(reversed.turns[0].text).toMatch(/^\[\d+\] GOAL A$/);
  });

  it("picks goals only from the persona's categories and tactics only from its list", () => {
    const attacks = generator().generateMany({ persona: 'tester', seed: 'spread', count: 200 });
    expect(new Set(attacks.map((a) => a.goal.category))).toEqual(new Set(['S1', 'S2']));
    for (const a of attacks) expect(persona.tactics).toContain(a.strategy.join(','));
    expect(new Set(attacks.map((a) => a.goal.id)).size).toBe(3);
  });

  it("keeps a domain persona to its corpora's goals", () => {
    const domain: Persona = { ...persona, id: 'domain', goalCorpora: ['other'] };
    const other: Goal = { ...goal('z', 'S1'), id: 'other/z', corpus: 'other' };
    const pool = [...goals, other];
    const scoped = new AttackGenerator({
      personas: { get: () => domain },
      goals: {
        get: (id) => pool.find((g) => g.id === id)!,
        byCategory: (c) => pool.filter((g) => c.includes(g.category)),
      },
      strategies: new StrategyRegistry([upper, tag, steps]),
      dataVersion: 'v1',
    });
    const picked = scoped.generateMany({ persona: 'domain', strategy: 'upper', seed: 'd', count: 30 });
    expect(new Set(picked.map((a) => a.goal.id))).toEqual(new Set(['other/z']));
  });

  it('gives different seeds different attacks and numbers a batch <seed>#i', () => {
    const batch = generator().generateMany({
      persona: 'tester',
      strategy: 'tag',
      goal: 'test/a',
      seed: 'n',
      count: 5,
    });
    expect(batch.map((a) => a.seed)).toEqual(['n#0', 'n#1', 'n#2', 'n#3', 'n#4']);
    expect(new Set(batch.map((a) => a.turns[0].text)).size).toBe(5);
    expect(new Set(batch.map((a) => a.attackId)).size).toBe(5);
  });

  it('caps the turns of a multi-turn plan at the configured limit', () => {
    const capped = generator('v1', 2).generate({
      persona: 'tester',
      strategy: 'steps',
      goal: 'test/a',
      seed: 'c',
    });
    expect(capped.maxTurns).toBe(2);
    expect(capped.turns.map((t) => t.carriesGoal)).toEqual([false, true]);
    const free = generator().generate({ persona: 'tester', strategy: 'steps', goal: 'test/a', seed: 'c' });
    expect(free.turns).toHaveLength(4);
  });

  it('refuses to replay a key made with other data, naming both versions', () => {
    const attack = generator('v1').generate({ persona: 'tester', seed: 'dv' });
    expect(() => generator('v2').replay(attack.replayKey)).toThrow(/v1.*v2/);
  });

  it('rejects unknown personas, goals and strategies with coded errors', () => {
    const codes = [
      () => generator().generate({ persona: 'nobody', seed: 's' }),
      () => generator().generate({ persona: 'tester', goal: 'test/zzz', seed: 's' }),
      () => generator().generate({ persona: 'tester', strategy: 'upper,nope', seed: 's' }),
      () => generator().generate({ persona: 'tester', strategy: 'steps,upper', seed: 's' }),
    ].map((fn) => {
      try {
        fn();
        return 'no error';
      } catch (error) {
        return (error as RedteamError).code;
      }
    });
    expect(codes).toEqual([
      'REDTEAM_UNKNOWN_PERSONA',
      'REDTEAM_UNKNOWN_GOAL',
      'REDTEAM_UNKNOWN_STRATEGY',
      'REDTEAM_INVALID_CHAIN',
    ]);
  });
});
