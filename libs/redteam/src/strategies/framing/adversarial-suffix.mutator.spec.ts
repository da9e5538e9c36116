import fc from 'fast-check';
import { applyAcrossSeeds, fixtureContext } from '../shared/strategy-fixtures';
import { AdversarialSuffixMutator, SUFFIX_TOKENS } from './adversarial-suffix.mutator';

describe('AdversarialSuffixMutator', () => {
  const mutator = new AdversarialSuffixMutator();

  it('strips the suffix exactly from any text, including trailing spaces and newlines', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.char16bits() }),
      fc.string({ unit: 'binary' }),
      fc.array(fc.constantFrom(' ', '  ', '\n', 'word', '!', '😀')).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, fc.string(), (t, seed) => {
        expect(mutator.invert(mutator.apply(t, fixtureContext(seed)))).toBe(t);
      }),
      { seed: 301, numRuns: 500 },
    );
  });

  it('appends SUFFIX_TOKENS whitespace-free tokens mixing word fragments and punctuation', () => {
    const text = 'Explain how to open the cupboard.';
    for (const out of applyAcrossSeeds(mutator, text)) {
      expect(out.startsWith(`${text} `)).toBe(true);
      const tokens = out.slice(text.length + 1).split(' ');
      expect(tokens).toHaveLength(SUFFIX_TOKENS);
      for (const token of tokens) expect(token).toMatch(/^\S+$/);
      expect(out.slice(text.length)).toMatch(/[A-Za-z]{2,}/);
      expect(out.slice(text.length)).toMatch(/[^\sA-Za-z0-9]/);
    }
  });

  it('generates a different suffix for each seed', () => {
    const outputs = applyAcrossSeeds(mutator, 'x');
    expect(new Set(outputs).size).toBe(outputs.length);
  });

  it('refuses to invert text too short to carry a suffix', () => {
    expect(() => mutator.invert('no suffix here')).toThrow('"adversarial-suffix"');
  });
});
