import type { MutationContext } from '../../types';
import type { Mutator } from '../strategy';
import { decodeInstructions } from './decode-instructions';

const ENVELOPE = decodeInstructions('base64', 'base64');
// MIME wraps at 76 columns; some filters only look for one unbroken base64 run, so both shapes are used.
const MIME_LINE = 76;

/**
 * Base64 of the UTF-8 bytes. `invert` is exact for well-formed text (no unpaired surrogates, which UTF-8
 * cannot carry: they become U+FFFD).
 */
export class Base64Mutator implements Mutator {
  readonly id = 'base64';
  readonly kind = 'encoding' as const;
  readonly description = 'Encodes the text as base64 (UTF-8) and asks the model to decode and follow it.';

  apply(text: string, context: MutationContext): string {
    const encoded = Buffer.from(text, 'utf8').toString('base64');
    const payload = context.rng.chance(0.3) ? wrapLines(encoded, MIME_LINE) : encoded;
    return ENVELOPE.wrap(payload, context.rng);
  }

  invert(mutated: string): string {
    return Buffer.from(ENVELOPE.unwrap(mutated).replace(/\s+/g, ''), 'base64').toString('utf8');
  }
}

function wrapLines(text: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines.join('\n');
}
