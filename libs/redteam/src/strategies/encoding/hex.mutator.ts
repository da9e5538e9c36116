import type { MutationContext } from '../../types';
import type { Mutator } from '../strategy';
import { decodeInstructions } from './decode-instructions';

const ENVELOPE = decodeInstructions('hex', 'hexadecimal (UTF-8 bytes)');

/** Spellings of the same bytes; a detector tuned to one (say `\x41`) misses the others. */
const FORMATS: readonly ((bytes: Buffer) => string)[] = [
  (bytes) => bytes.toString('hex'),
  (bytes) => bytes.toString('hex').toUpperCase(),
  (bytes) => pairs(bytes).join(' '),
  (bytes) =>
    pairs(bytes)
      .map((pair) => `\\x${pair}`)
      .join(''),
];

/**
 * Hex of the UTF-8 bytes. `invert` is exact for well-formed text (no unpaired surrogates, which UTF-8
 * cannot carry: they become U+FFFD).
 */
export class HexMutator implements Mutator {
  readonly id = 'hex';
  readonly kind = 'encoding' as const;
  readonly description =
    'Encodes the text as hexadecimal UTF-8 bytes and asks the model to decode and follow it.';

  apply(text: string, context: MutationContext): string {
    const payload = context.rng.pick(FORMATS)(Buffer.from(text, 'utf8'));
    return ENVELOPE.wrap(payload, context.rng);
  }

  invert(mutated: string): string {
    // No format uses a `0x` prefix, whose 0 would be read as a digit.
    const digits = ENVELOPE.unwrap(mutated).replace(/\\x|\s+/g, '');
    return Buffer.from(digits, 'hex').toString('utf8');
  }
}

function pairs(bytes: Buffer): string[] {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0'));
}
