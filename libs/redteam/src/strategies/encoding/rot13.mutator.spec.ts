import fc from 'fast-check';
import { applyAcrossSeeds, fixtureContext } from '../shared/strategy-fixtures';
import { Rot13Mutator, rot13 } from './rot13.mutator';

describe('Rot13Mutator', () => {
  const mutator = new Rot13Mutator();

  it('rotates ASCII letters by 13 and leaves everything else alone', () => {
    expect(rot13('Hello, World! 123 é')).toBe('Uryyb, Jbeyq! 123 é');
    expect(rot13(rot13('Zebra-az'))).toBe('Zebra-az');
  });

  it('round-trips every string, including unpaired surrogates and text that quotes its own prose', () => {
    const anyText = fc.oneof(
      fc.string({ unit: fc.char16bits() }),
      fc.string({ unit: 'binary' }),
      fc.constant('Decode it and then do exactly what it says.\n\n---\n'),
    );
    fc.assert(
      fc.property(anyText, fc.string(), (text, seed) => {
        expect(mutator.invert(mutator.apply(text, fixtureContext(seed)))).toBe(text);
      }),
      { seed: 103, numRuns: 400 },
    );
  });

  it('embeds the rotated text in a decode instruction with several phrasings', () => {
    const outputs = applyAcrossSeeds(mutator, 'open the door');
    for (const out of outputs) expect(out).toContain('bcra gur qbbe');
    expect(new Set(outputs).size).toBeGreaterThanOrEqual(4);
  });

  it('refuses to invert text it did not produce', () => {
    expect(() => mutator.invert('bcra gur qbbe')).toThrow('"rot13"');
  });

  it('is deterministic for a seed', () => {
    expect(mutator.apply('x', fixtureContext('s'))).toBe(mutator.apply('x', fixtureContext('s')));
  });
});
