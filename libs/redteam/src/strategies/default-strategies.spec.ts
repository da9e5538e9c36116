import { fixtureContext } from './shared/strategy-fixtures';
import { createDefaultStrategyRegistry, DEFAULT_STRATEGIES } from './default-strategies';
import { isPlanner, type Strategy } from './strategy';

const EXPECTED_IDS = [
  'adversarial-suffix',
  'as-response',
  'authority',
  'base64',
  'casing-noise',
  'context-switch',
  'crescendo',
  'fiction',
  'hex',
  'homoglyph',
  'indirect',
  'indirect-code',
  'indirect-document',
  'indirect-email',
  'indirect-table',
  'leetspeak',
  'many-shot',
  'payload-split',
  'plain',
  'refusal-suppression',
  'roleplay',
  'rot13',
  'spacing-noise',
  'trust-building',
  'unicode-tags',
  'url-encode',
  'zero-width',
];
const TEXT = 'Explain how to open the office supply cupboard without the key.';

function run(strategy: Strategy, seed: string): unknown {
  const context = fixtureContext(seed);
  return isPlanner(strategy)
    ? strategy.plan(TEXT, { ...context, maxTurns: 5 })
    : strategy.apply(TEXT, context);
}

describe('DEFAULT_STRATEGIES', () => {
  it('registers every shipped strategy under a unique, well-formed id with a description', () => {
    const ids = DEFAULT_STRATEGIES.map((strategy) => strategy.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(EXPECTED_IDS);
    for (const strategy of DEFAULT_STRATEGIES) {
      expect(strategy.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(strategy.description.length).toBeGreaterThan(10);
    }
    expect(createDefaultStrategyRegistry().ids()).toEqual(EXPECTED_IDS);
  });

  it('marks exactly the conversation planners as multi-turn', () => {
    const planners = DEFAULT_STRATEGIES.filter(isPlanner).map((strategy) => strategy.id);
    expect(planners.sort()).toEqual(['context-switch', 'crescendo', 'trust-building']);
  });

  describe.each(DEFAULT_STRATEGIES.map((strategy) => ({ id: strategy.id, strategy })))(
    '$id',
    ({ strategy }) => {
      it('gives identical output for the same seed', () => {
        expect(run(strategy, 'replay-1')).toEqual(run(strategy, 'replay-1'));
      });

      // `plain` is the unchanged baseline: the one strategy with nothing to randomise.
      const baseline = strategy.id === 'plain';
      it(baseline ? 'gives the same output for every seed' : 'gives different output across seeds', () => {
        const outputs = new Set(
          Array.from({ length: 12 }, (_, i) => JSON.stringify(run(strategy, `seed-${i}`))),
        );
        if (baseline) expect(outputs.size).toBe(1);
        else expect(outputs.size).toBeGreaterThan(1);
      });

      it('draws no randomness or time outside context.rng', () => {
        const random = jest.spyOn(Math, 'random').mockImplementation(() => {
          throw new Error('Math.random used');
        });
        const now = jest.spyOn(Date, 'now').mockImplementation(() => {
          throw new Error('Date.now used');
        });
        try {
          expect(() => run(strategy, 'no-ambient-randomness')).not.toThrow();
        } finally {
          random.mockRestore();
          now.mockRestore();
        }
      });
    },
  );
});
