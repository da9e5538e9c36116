import type { MutationContext } from '../../types';
import type { Mutator } from '../strategy';

const SPLITTERS = [' ', '-', '.', ' '] as const;

/**
 * Pads the gaps between words and spells some words out letter by letter ("c u p b o a r d"), which
 * splits them into tokens a filter does not recognise. Lossy (a real double space looks the same), so
 * there is no `invert`.
 */
export class SpacingNoiseMutator implements Mutator {
  readonly id = 'spacing-noise';
  readonly kind = 'obfuscation' as const;
  readonly description = 'Adds random extra spaces and splits words into spaced-out letters.';

  apply(text: string, context: MutationContext): string {
    const { rng } = context;
    const splitShare = 0.2 + rng.float() * 0.5;
    const padShare = 0.2 + rng.float() * 0.5;
    const splitter = rng.pick(SPLITTERS);
    return text
      .split(/( +)/)
      .map((piece) => {
        if (piece.startsWith(' ')) return rng.chance(padShare) ? piece + ' '.repeat(rng.int(1, 3)) : piece;
        if (Array.from(piece).length < 3 || !rng.chance(splitShare)) return piece;
        return Array.from(piece).join(splitter);
      })
      .join('');
  }
}
