import type { MutationContext } from '../../types';
import type { Mutator } from '../strategy';
import { decodeInstructions } from './decode-instructions';

const ENVELOPE = decodeInstructions('url-encode', 'URL-encoded (percent-encoded UTF-8)');
// RFC 3986 unreserved characters: what encodeURIComponent leaves readable.
const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/**
 * Percent-encodes the UTF-8 bytes, either the usual way (letters stay readable) or every byte (nothing
 * does). Built on Buffer rather than encodeURIComponent so an unpaired surrogate becomes U+FFFD instead of
 * throwing mid-chain. `invert` is exact for well-formed text.
 */
export class UrlEncodeMutator implements Mutator {
  readonly id = 'url-encode';
  readonly kind = 'encoding' as const;
  readonly description = 'Percent-encodes the text (UTF-8) and asks the model to decode and follow it.';

  apply(text: string, context: MutationContext): string {
    const everyByte = context.rng.chance(0.5);
    const payload = [...Buffer.from(text, 'utf8')]
      .map((byte) => {
        const char = String.fromCharCode(byte);
        if (!everyByte && UNRESERVED.test(char)) return char;
        return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      })
      .join('');
    return ENVELOPE.wrap(payload, context.rng);
  }

  invert(mutated: string): string {
    return decodeURIComponent(ENVELOPE.unwrap(mutated));
  }
}
