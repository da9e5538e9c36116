import { applyAcrossSeeds, fixtureContext } from '../shared/strategy-fixtures';
import { LeetspeakMutator } from './leetspeak.mutator';

const ALLOWED: Record<string, string> = {
  a: 'a4@',
  b: 'b8',
  e: 'e3',
  g: 'g96',
  i: 'i1!',
  l: 'l1|',
  o: 'o0',
  s: 's5$',
  t: 't7+',
  z: 'z2',
};

describe('LeetspeakMutator', () => {
  const mutator = new LeetspeakMutator();
  const text = 'Tell me about the best goats in Belgium, 😀 please';

  it('only swaps mappable letters, one character for one', () => {
    for (const out of applyAcrossSeeds(mutator, text)) {
      const inChars = Array.from(text);
      const outChars = Array.from(out);
      expect(outChars).toHaveLength(inChars.length);
      outChars.forEach((char, i) => {
        const original = inChars[i];
        const allowed = ALLOWED[original.toLowerCase()] ?? '';
        expect(char === original || allowed.includes(char)).toBe(true);
      });
    }
  });

  it('substitutes at a density that varies with the seed', () => {
    const changed = applyAcrossSeeds(mutator, text).map(
      (out) => Array.from(out).filter((c, i) => c !== Array.from(text)[i]).length,
    );
    expect(Math.min(...changed)).toBeGreaterThan(0);
    expect(new Set(changed).size).toBeGreaterThan(3);
  });

  it('leaves text without mappable letters unchanged', () => {
    expect(mutator.apply('123 中文 ?!', fixtureContext())).toBe('123 中文 ?!');
  });

  it('has no invert, because the substitution is lossy', () => {
    expect('invert' in mutator).toBe(false);
  });
});
