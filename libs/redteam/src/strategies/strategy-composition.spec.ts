import fc from 'fast-check';
import { RedteamError } from '../redteam-error';
import { SeededRandom } from '../random/seeded-random';
import type { AttackTurn } from '../types';
import { createDefaultStrategyRegistry, DEFAULT_STRATEGIES } from './default-strategies';
import { Base64Mutator } from './encoding/base64.mutator';
import { FIXTURE_GOAL, FIXTURE_PERSONA } from './shared/strategy-fixtures';
import { isPlanner, type Mutator } from './strategy';
import type { StrategyChain } from './strategy-registry';

const registry = createDefaultStrategyRegistry();

/** Applies a chain as generation will: left to right, each mutator on its own fork of the seed. */
function applyChain(chain: StrategyChain, text: string, seed: string): string {
  const root = SeededRandom.from(seed);
  return chain.mutators.reduce(
    (current, mutator, i) =>
      mutator.apply(current, {
        rng: root.fork(`${i}:${mutator.id}`),
        goal: FIXTURE_GOAL,
        persona: FIXTURE_PERSONA,
      }),
    text,
  );
}

function invertChain(chain: StrategyChain, mutated: string): string {
  return [...chain.mutators].reverse().reduce((current, mutator) => {
    if (!mutator.invert) throw new Error(`${mutator.id} has no invert`);
    return mutator.invert(current);
  }, mutated);
}

function planChain(spec: string, text: string, seed: string, maxTurns: number): AttackTurn[] {
  const chain = registry.parseChain(spec);
  const ask = applyChain(chain, text, seed);
  const rng = SeededRandom.from(seed).fork(`${chain.mutators.length}:${chain.planner!.id}`);
  return chain.planner!.plan(ask, { rng, goal: FIXTURE_GOAL, persona: FIXTURE_PERSONA, maxTurns });
}

function errorOf(action: () => unknown): RedteamError {
  try {
    action();
  } catch (error) {
    if (error instanceof RedteamError) return error;
    throw error;
  }
  throw new Error('expected a RedteamError');
}

const INVERTIBLE = DEFAULT_STRATEGIES.filter((s): s is Mutator & Required<Pick<Mutator, 'invert'>> => {
  return !isPlanner(s) && s.invert !== undefined;
});

describe('strategy composition', () => {
  it('applies "base64,roleplay" in order: the base64 payload sits inside the roleplay frame', () => {
    const chain = registry.parseChain('base64,roleplay');
    expect(chain.ids).toEqual(['base64', 'roleplay']);
    const encodedStage = new Base64Mutator().apply(FIXTURE_GOAL.text, {
      rng: SeededRandom.from('c1').fork('0:base64'),
      goal: FIXTURE_GOAL,
      persona: FIXTURE_PERSONA,
    });
    const out = applyChain(chain, FIXTURE_GOAL.text, 'c1');
    expect(out).toContain(encodedStage);
    expect(out).toContain(Buffer.from(FIXTURE_GOAL.text, 'utf8').toString('base64'));
    expect(out).not.toContain(FIXTURE_GOAL.text);
    expect(out.length).toBeGreaterThan(encodedStage.length);
  });

  it('inverts "rot13,payload-split,base64" back to the original, in reverse order', () => {
    const chain = registry.parseChain('rot13,payload-split,base64');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (text, seed) => {
        expect(invertChain(chain, applyChain(chain, text, seed))).toBe(text);
      }),
      { seed: 501, numRuns: 300 },
    );
  });

  it('inverts every ordered pair of invertible mutators for ASCII text', () => {
    expect(INVERTIBLE.map((m) => m.id).sort()).toEqual([
      'adversarial-suffix',
      'base64',
      'hex',
      'homoglyph',
      'payload-split',
      'plain',
      'rot13',
      'unicode-tags',
      'url-encode',
      'zero-width',
    ]);
    for (const first of INVERTIBLE) {
      for (const second of INVERTIBLE) {
        if (first === second) continue;
        const chain = registry.parseChain([first.id, second.id]);
        fc.assert(
          fc.property(fc.string({ unit: 'binary-ascii' }), fc.string(), (text, seed) => {
            expect(invertChain(chain, applyChain(chain, text, seed))).toBe(text);
          }),
          { seed: 502, numRuns: 25 },
        );
      }
    }
  });

  it('inverts a long mixed chain for ASCII text', () => {
    const chain = registry.parseChain(
      'homoglyph,zero-width,unicode-tags,payload-split,hex,adversarial-suffix',
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), fc.string(), (text, seed) => {
        expect(invertChain(chain, applyChain(chain, text, seed))).toBe(text);
      }),
      { seed: 503, numRuns: 100 },
    );
  });

  it('hands the mutated ask to a planner in last position', () => {
    const chain = registry.parseChain('base64,crescendo');
    expect(chain.planner?.id).toBe('crescendo');
    const ask = applyChain(chain, FIXTURE_GOAL.text, 'p1');
    const turns = planChain('base64,crescendo', FIXTURE_GOAL.text, 'p1', 4);
    expect(turns.at(-1)!.text).toContain(ask);
    expect(turns.length).toBeLessThanOrEqual(4);
  });

  it('produces the same chain output for the same seed and a different one for another seed', () => {
    const chain = registry.parseChain('leetspeak,fiction,adversarial-suffix');
    expect(applyChain(chain, 'x y z', 'same')).toBe(applyChain(chain, 'x y z', 'same'));
    expect(applyChain(chain, 'x y z', 'one')).not.toBe(applyChain(chain, 'x y z', 'two'));
  });

  it('rejects a planner that is not in last position', () => {
    const error = errorOf(() => registry.parseChain('crescendo,base64'));
    expect(error.code).toBe('REDTEAM_INVALID_CHAIN');
    expect(errorOf(() => registry.parseChain('roleplay,trust-building,hex')).code).toBe(
      'REDTEAM_INVALID_CHAIN',
    );
  });

  it('rejects unknown strategy ids', () => {
    const error = errorOf(() => registry.parseChain('base64,does-not-exist'));
    expect(error.code).toBe('REDTEAM_UNKNOWN_STRATEGY');
  });
});
