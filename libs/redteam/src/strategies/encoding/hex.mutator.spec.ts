import fc from 'fast-check';
import { applyAcrossSeeds, fixtureContext } from '../shared/strategy-fixtures';
import { HexMutator } from './hex.mutator';

const SPECIALS = ['"', "'", '\\', '\\x', '\n', '\r\n', '😀', '中文', 'é', '0x41', '$&', '\u0000'];
const wellFormedText = fc
  .array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...SPECIALS)))
  .map((parts) => parts.join(''));

describe('HexMutator', () => {
  const mutator = new HexMutator();

  it('round-trips any well-formed Unicode text in every hex format', () => {
    fc.assert(
      fc.property(wellFormedText, fc.string(), (text, seed) => {
        expect(mutator.invert(mutator.apply(text, fixtureContext(seed)))).toBe(text);
      }),
      { seed: 102, numRuns: 400 },
    );
  });

  it('spells the UTF-8 bytes in plain, upper-case, spaced and \\x formats', () => {
    const outputs = applyAcrossSeeds(mutator, 'hé', 80).join('\n');
    expect(outputs).toContain('68c3a9');
    expect(outputs).toContain('68C3A9');
    expect(outputs).toContain('68 c3 a9');
    expect(outputs).toContain('\\x68\\xc3\\xa9');
  });

  it('keeps the plain text out of the output', () => {
    expect(mutator.apply('open sesame', fixtureContext())).not.toContain('open sesame');
  });

  it('replaces an unpaired surrogate with U+FFFD, which is why the round trip needs well-formed text', () => {
    expect(mutator.invert(mutator.apply('\uDC00', fixtureContext()))).toBe('\uFFFD');
  });
});
