import fc from 'fast-check';
import { applyAcrossSeeds, fixtureContext } from '../shared/strategy-fixtures';
import { UrlEncodeMutator } from './url-encode.mutator';

const SPECIALS = ['%', '%20', '+', '&', '=', '?', '"', '\\', '\n', '😀', '中文', 'é', '~', '$&'];
const wellFormedText = fc
  .array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...SPECIALS)))
  .map((parts) => parts.join(''));

describe('UrlEncodeMutator', () => {
  const mutator = new UrlEncodeMutator();

  it('round-trips any well-formed Unicode text, including literal percent signs', () => {
    fc.assert(
      fc.property(wellFormedText, fc.string(), (text, seed) => {
        expect(mutator.invert(mutator.apply(text, fixtureContext(seed)))).toBe(text);
      }),
      { seed: 104, numRuns: 400 },
    );
  });

  it('encodes either the usual way (letters readable) or every byte', () => {
    const outputs = applyAcrossSeeds(mutator, 'a b/é').join('\n');
    expect(outputs).toContain('a%20b%2F%C3%A9');
    expect(outputs).toContain('%61%20%62%2F%C3%A9');
  });

  it('does not throw on an unpaired surrogate (it becomes U+FFFD)', () => {
    expect(mutator.invert(mutator.apply('x\uD83D', fixtureContext()))).toBe('x\uFFFD');
  });
});
