import fc from 'fast-check';
import { applyAcrossSeeds, fixtureContext } from '../shared/strategy-fixtures';
import { HOMOGLYPH_TO_LATIN, HomoglyphMutator } from './homoglyph.mutator';

describe('HomoglyphMutator', () => {
  const mutator = new HomoglyphMutator();

  it('round-trips any ASCII text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 300 }), fc.string(), (text, seed) => {
        expect(mutator.invert(mutator.apply(text, fixtureContext(seed)))).toBe(text);
      }),
      { seed: 201, numRuns: 400 },
    );
  });

  it('round-trips non-ASCII text too, as long as it contains none of the look-alike letters', () => {
    const noLookAlikes = fc
      .string({ unit: 'binary' })
      .filter((text) => !Array.from(text).some((char) => HOMOGLYPH_TO_LATIN.has(char)));
    fc.assert(
      fc.property(noLookAlikes, fc.string(), (text, seed) => {
        expect(mutator.invert(mutator.apply(text, fixtureContext(seed)))).toBe(text);
      }),
      { seed: 202, numRuns: 300 },
    );
  });

  it('cannot recover look-alike letters that were in the input (Cyrillic comes back as Latin)', () => {
    expect(mutator.invert('\u043E\u0440\u0435\u0441')).toBe('opec');
  });

  it('replaces Latin letters with non-ASCII look-alikes, each standing for exactly one letter', () => {
    const out = mutator.apply('Open the cupboard, Sam', fixtureContext());
    expect(out).not.toBe('Open the cupboard, Sam');
    expect(Array.from(out)).toHaveLength('Open the cupboard, Sam'.length);
    for (const glyph of HOMOGLYPH_TO_LATIN.keys()) expect(glyph.charCodeAt(0)).toBeGreaterThan(0x7f);
  });

  it('varies which letters are swapped across seeds', () => {
    expect(new Set(applyAcrossSeeds(mutator, 'Open the cupboard, Sam')).size).toBeGreaterThan(10);
  });
});
