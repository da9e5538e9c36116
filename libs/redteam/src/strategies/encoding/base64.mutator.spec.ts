import fc from 'fast-check';
import { applyAcrossSeeds, fixtureContext } from '../shared/strategy-fixtures';
import { Base64Mutator } from './base64.mutator';

const SPECIALS = ['"', "'", '\\', '\n', '\r\n', '\t', '😀', '👨‍👩‍👧', '中文', 'é', '$&', '```', '\u0000'];
const wellFormedText = fc
  .array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...SPECIALS)))
  .map((parts) => parts.join(''));

describe('Base64Mutator', () => {
  const mutator = new Base64Mutator();

  it('round-trips any well-formed Unicode text (emoji, CJK, newlines, quotes, backslashes)', () => {
    fc.assert(
      fc.property(wellFormedText, fc.string(), (text, seed) => {
        expect(mutator.invert(mutator.apply(text, fixtureContext(seed)))).toBe(text);
      }),
      { seed: 101, numRuns: 400 },
    );
  });

  it('round-trips long text whether or not the payload is wrapped into MIME lines', () => {
    const text = 'A long request 😀 中文 '.repeat(40);
    const outputs = applyAcrossSeeds(mutator, text);
    expect(outputs.some((out) => /^[A-Za-z0-9+/=]{76}$/m.test(out))).toBe(true);
    for (const out of outputs) expect(mutator.invert(out)).toBe(text);
  });

  it('carries the UTF-8 base64 of the text, not the text itself', () => {
    const text = 'Grüße 👋';
    const out = mutator.apply(text, fixtureContext());
    expect(out).toContain(Buffer.from(text, 'utf8').toString('base64'));
    expect(out).not.toContain(text);
    expect(out.toLowerCase()).toContain('base64');
  });

  it('words the decode instruction in several ways', () => {
    expect(new Set(applyAcrossSeeds(mutator, 'hello')).size).toBeGreaterThanOrEqual(4);
  });

  it('replaces an unpaired surrogate with U+FFFD, which is why the round trip needs well-formed text', () => {
    const out = mutator.apply('a\uD800b', fixtureContext());
    expect(mutator.invert(out)).toBe('a\uFFFDb');
  });

  it('refuses to invert text it did not produce', () => {
    expect(() => mutator.invert('aGVsbG8=')).toThrow('"base64"');
  });
});
