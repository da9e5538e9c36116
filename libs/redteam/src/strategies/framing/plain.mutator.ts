import type { Mutator } from '../strategy';

/**
 * The goal exactly as written. Not an attack technique: the baseline every other strategy is measured
 * against (a strategy's lift is its success rate minus plain's on the same goals).
 */
export class PlainMutator implements Mutator {
  readonly id = 'plain';
  readonly kind = 'framing' as const;
  readonly description = 'The goal as written, unchanged: the baseline for every other strategy';

  apply(text: string): string {
    return text;
  }

  invert(mutated: string): string {
    return mutated;
  }
}
