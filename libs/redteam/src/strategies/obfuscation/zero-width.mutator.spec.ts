import fc from 'fast-check';
import { applyAcrossSeeds, fixtureContext } from '../shared/strategy-fixtures';
import { ZERO_WIDTH_CHARS, ZeroWidthMutator } from './zero-width.mutator';

const hasZeroWidth = (text: string): boolean => ZERO_WIDTH_CHARS.some((char) => text.includes(char));

describe('ZeroWidthMutator', () => {
  const mutator = new ZeroWidthMutator();

  it('round-trips any text that contains no zero-width characters, including unpaired surrogates', () => {
    const text = fc
      .oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.char16bits() }), fc.lorem())
      .filter((t) => !hasZeroWidth(t));
    fc.assert(
      fc.property(text, fc.string(), (t, seed) => {
        expect(mutator.invert(mutator.apply(t, fixtureContext(seed)))).toBe(t);
      }),
      { seed: 203, numRuns: 400 },
    );
  });

  it('inserts invisible characters only between two letters or digits of a word', () => {
    const text = 'open the cupboard 42 times, ok? 中文字';
    for (const out of applyAcrossSeeds(mutator, text)) {
      expect(out).toMatch(/\u200B|\u200C|\u200D|\u2060/);
      expect(out).not.toMatch(/[^\p{L}\p{N}](?:\u200B|\u200C|\u200D|\u2060)/u);
      expect(out).not.toMatch(/(?:\u200B|\u200C|\u200D|\u2060)[^\p{L}\p{N}]/u);
      expect(out).not.toMatch(/^(?:\u200B|\u200C|\u200D|\u2060)|(?:\u200B|\u200C|\u200D|\u2060)$/u);
    }
  });

  it('strips a zero-width joiner that was in the input (emoji sequences lose it)', () => {
    const family = '👨\u200D👩';
    expect(mutator.invert(mutator.apply(family, fixtureContext()))).toBe('👨👩');
  });
});
