import type { MutationContext } from '../../types';
import type { Mutator } from '../strategy';

/** Latin letters and the Cyrillic or Greek letters that render the same in most fonts. */
const LOOK_ALIKES: Readonly<Record<string, readonly string[]>> = {
  a: ['\u0430'],
  c: ['\u0441'],
  e: ['\u0435'],
  i: ['\u0456'],
  j: ['\u0458'],
  o: ['\u043E', '\u03BF'],
  p: ['\u0440'],
  s: ['\u0455'],
  x: ['\u0445'],
  y: ['\u0443'],
  A: ['\u0410', '\u0391'],
  B: ['\u0412', '\u0392'],
  C: ['\u0421'],
  E: ['\u0415', '\u0395'],
  H: ['\u041D', '\u0397'],
  I: ['\u0406', '\u0399'],
  J: ['\u0408'],
  K: ['\u041A', '\u039A'],
  M: ['\u041C', '\u039C'],
  N: ['\u039D'],
  O: ['\u041E', '\u039F'],
  P: ['\u0420', '\u03A1'],
  S: ['\u0405'],
  T: ['\u0422', '\u03A4'],
  X: ['\u0425', '\u03A7'],
  Y: ['\u03A5'],
  Z: ['\u0396'],
};

/** For `invert`. Each look-alike stands for exactly one Latin letter, which is what makes the reverse map exact. */
export const HOMOGLYPH_TO_LATIN: ReadonlyMap<string, string> = new Map(
  Object.entries(LOOK_ALIKES).flatMap(([latin, glyphs]) => glyphs.map((glyph) => [glyph, latin] as const)),
);

/**
 * Replaces Latin letters with Cyrillic/Greek look-alikes, so the text reads the same to a person but not
 * to a tokeniser or keyword filter. `invert` maps every look-alike back, so it is exact whenever the
 * original contained none of them — in particular for any ASCII text; Cyrillic or Greek input is not
 * recovered (its `о` comes back as `o`).
 */
export class HomoglyphMutator implements Mutator {
  readonly id = 'homoglyph';
  readonly kind = 'obfuscation' as const;
  readonly description = 'Swaps Latin letters for identical-looking Cyrillic and Greek letters.';

  apply(text: string, context: MutationContext): string {
    const { rng } = context;
    const density = 0.4 + rng.float() * 0.6;
    return Array.from(text, (char) => {
      const glyphs = LOOK_ALIKES[char];
      return glyphs && rng.chance(density) ? rng.pick(glyphs) : char;
    }).join('');
  }

  invert(mutated: string): string {
    return Array.from(mutated, (char) => HOMOGLYPH_TO_LATIN.get(char) ?? char).join('');
  }
}
