import type { MutationContext } from '../../types';
import type { Mutator } from '../strategy';
import { decodeInstructions } from './decode-instructions';

const ENVELOPE = decodeInstructions('rot13', 'ROT13');

/** Rotates ASCII letters by 13; everything else is kept. Its own inverse, so `invert` is exact for any string. */
export function rot13(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => {
    const base = letter <= 'Z' ? 65 : 97;
    return String.fromCharCode(((letter.charCodeAt(0) - base + 13) % 26) + base);
  });
}

export class Rot13Mutator implements Mutator {
  readonly id = 'rot13';
  readonly kind = 'encoding' as const;
  readonly description = 'Rotates the letters by 13 (ROT13) and asks the model to decode and follow it.';

  apply(text: string, context: MutationContext): string {
    return ENVELOPE.wrap(rot13(text), context.rng);
  }

  invert(mutated: string): string {
    return rot13(ENVELOPE.unwrap(mutated));
  }
}
