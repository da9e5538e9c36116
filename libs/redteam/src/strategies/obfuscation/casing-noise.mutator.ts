import type { MutationContext } from '../../types';
import type { Mutator } from '../strategy';

/** rAndOm CaSe defeats case-sensitive keyword lists. Lossy, so there is no `invert`. */
export class CasingNoiseMutator implements Mutator {
  readonly id = 'casing-noise';
  readonly kind = 'obfuscation' as const;
  readonly description = 'Randomises the upper/lower case of letters.';

  apply(text: string, context: MutationContext): string {
    const { rng } = context;
    const upperShare = 0.3 + rng.float() * 0.4;
    // Per code point, so surrogate pairs stay whole; the length of `ß`.toUpperCase() may differ, which is fine here.
    return Array.from(text, (char) =>
      rng.chance(upperShare) ? char.toUpperCase() : char.toLowerCase(),
    ).join('');
  }
}
