import fc from 'fast-check';
import { applyAcrossSeeds, fixtureContext, TRICKY_TEXT } from '../shared/strategy-fixtures';
import { PayloadSplitMutator } from './payload-split.mutator';

const ASSIGNMENT_LINE = /^(?:let |const )?\w+ = ".*";?$/;

describe('PayloadSplitMutator', () => {
  const mutator = new PayloadSplitMutator();

  it('round-trips every string: quotes, backslashes, newlines, Unicode and unpaired surrogates', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.char16bits() }),
      fc.string({ unit: 'binary' }),
      fc
        .array(fc.constantFrom('"', '\\', '\\"', '\n', '\r', '\u2028', 'a = "b"', 'x', '😀', '${a}', '`'))
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, fc.string(), (t, seed) => {
        expect(mutator.invert(mutator.apply(t, fixtureContext(seed)))).toBe(t);
      }),
      { seed: 205, numRuns: 500 },
    );
  });

  it('splits into 2 to 4 quoted variables, each a valid JSON string literal', () => {
    const counts = new Set<number>();
    for (const out of applyAcrossSeeds(mutator, TRICKY_TEXT, 60)) {
      const lines = out.split('\n').filter((line) => ASSIGNMENT_LINE.test(line));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.length).toBeLessThanOrEqual(4);
      counts.add(lines.length);
      expect(out).not.toContain(TRICKY_TEXT);
    }
    expect([...counts].sort()).toEqual([2, 3, 4]);
  });

  it('makes non-empty parts when the text is long enough', () => {
    for (const out of applyAcrossSeeds(mutator, 'abcdefgh')) expect(out).not.toContain('""');
  });

  it('still produces at least two variables for very short text', () => {
    const out = mutator.apply('a', fixtureContext());
    expect(out.split('\n').filter((line) => ASSIGNMENT_LINE.test(line)).length).toBeGreaterThanOrEqual(2);
    expect(mutator.invert(out)).toBe('a');
  });

  it('asks the model to concatenate the parts in several phrasings', () => {
    expect(new Set(applyAcrossSeeds(mutator, 'hello world')).size).toBeGreaterThanOrEqual(8);
  });
});
