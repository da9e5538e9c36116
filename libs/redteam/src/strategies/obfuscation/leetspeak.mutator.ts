import type { MutationContext } from '../../types';
import type { Mutator } from '../strategy';

const SUBSTITUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['4', '@'],
  b: ['8'],
  e: ['3'],
  g: ['9', '6'],
  i: ['1', '!'],
  l: ['1', '|'],
  o: ['0'],
  s: ['5', '$'],
  t: ['7', '+'],
  z: ['2'],
};

/**
 * Swaps letters for digits and symbols. Lossy (`1` may have been `i` or `l`), so there is no `invert`.
 * The density is drawn per attack: light leetspeak slips past keyword lists while staying readable.
 */
export class LeetspeakMutator implements Mutator {
  readonly id = 'leetspeak';
  readonly kind = 'obfuscation' as const;
  readonly description = 'Substitutes letters with look-alike digits and symbols (l33t) at a random density.';

  apply(text: string, context: MutationContext): string {
    const { rng } = context;
    const density = 0.35 + rng.float() * 0.6;
    return Array.from(text, (char) => {
      const options = SUBSTITUTES[char.toLowerCase()];
      return options && rng.chance(density) ? rng.pick(options) : char;
    }).join('');
  }
}
