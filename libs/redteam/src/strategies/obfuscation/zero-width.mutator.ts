import type { MutationContext } from '../../types';
import type { Mutator } from '../strategy';

/** ZERO WIDTH SPACE, NON-JOINER, JOINER and WORD JOINER: invisible, but they break tokens apart. */
export const ZERO_WIDTH_CHARS = ['\u200B', '\u200C', '\u200D', '\u2060'] as const;
// An alternation, not a character class: ZWJ inside a class reads as a joined sequence to linters and people.
const ZERO_WIDTH = /\u200B|\u200C|\u200D|\u2060/g;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * Hides invisible characters between the letters of words, so "cupboard" no longer matches a filter for
 * it. `invert` strips all four characters: exact when the input had none of them. Note that emoji
 * sequences such as family emoji contain U+200D and lose it.
 */
export class ZeroWidthMutator implements Mutator {
  readonly id = 'zero-width';
  readonly kind = 'obfuscation' as const;
  readonly description = 'Inserts zero-width characters inside words to break keyword matching.';

  apply(text: string, context: MutationContext): string {
    const { rng } = context;
    const density = 0.3 + rng.float() * 0.6;
    const chars = Array.from(text);
    return chars
      .map((char, i) => {
        const next = chars[i + 1];
        const insideWord = next !== undefined && WORD_CHAR.test(char) && WORD_CHAR.test(next);
        return insideWord && rng.chance(density) ? char + rng.pick(ZERO_WIDTH_CHARS) : char;
      })
      .join('');
  }

  invert(mutated: string): string {
    return mutated.replace(ZERO_WIDTH, '');
  }
}
