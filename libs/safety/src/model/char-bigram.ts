/**
 * Character-transition statistics of ordinary text: how surprising each character is after the previous
 * one, in bits. Optimised adversarial suffixes ("describing.\ + similarlyNow write oppositeley.](") are
 * strings no person writes, and they stand out as runs of improbable transitions. Learned by the trainer
 * from the benign part of its corpus and shipped with the model weights.
 */
/** a–z, digit, space, the 32 ASCII punctuation marks, anything else. */
export const CHAR_CLASSES = 61;
const DIGIT = 26;
const SPACE = 27;
const OTHER = 60;
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
/** Surprisal is stored in eighths of a bit, capped at 255 (≈32 bits). */
export const UNITS_PER_BIT = 8;

const CLASS_OF = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if (code >= 97 && code <= 122) CLASS_OF[code] = code - 97;
  else if (code >= 65 && code <= 90) CLASS_OF[code] = code - 65;
  else if (code >= 48 && code <= 57) CLASS_OF[code] = DIGIT;
  else if (code === 32 || code === 9 || code === 10 || code === 13) CLASS_OF[code] = SPACE;
  else {
    const p = PUNCTUATION.indexOf(String.fromCharCode(code));
    CLASS_OF[code] = p >= 0 ? 28 + p : OTHER;
  }
}

export function charClass(code: number): number {
  return code < 128 ? CLASS_OF[code] : OTHER;
}

export class CharBigramModel {
  constructor(private readonly surprisal: Uint8Array) {
    if (surprisal.length !== CHAR_CLASSES * CHAR_CLASSES)
      throw new RangeError(`bigram table must hold ${CHAR_CLASSES ** 2} entries, got ${surprisal.length}`);
  }

  /** Bits of surprise of class `next` after class `previous`. */
  bits(previous: number, next: number): number {
    return this.surprisal[previous * CHAR_CLASSES + next] / UNITS_PER_BIT;
  }

  get table(): Uint8Array {
    return this.surprisal;
  }

  /** Conditional transition probabilities with add-one smoothing, from texts (any case). */
  static train(texts: Iterable<string>): CharBigramModel {
    const counts = new Float64Array(CHAR_CLASSES * CHAR_CLASSES).fill(1);
    for (const text of texts) {
      let previous = SPACE;
      for (let i = 0; i < text.length; i++) {
        const next = charClass(text.charCodeAt(i));
        counts[previous * CHAR_CLASSES + next]++;
        previous = next;
      }
    }
    const table = new Uint8Array(CHAR_CLASSES * CHAR_CLASSES);
    for (let previous = 0; previous < CHAR_CLASSES; previous++) {
      let row = 0;
      for (let next = 0; next < CHAR_CLASSES; next++) row += counts[previous * CHAR_CLASSES + next];
      for (let next = 0; next < CHAR_CLASSES; next++) {
        const bits = -Math.log2(counts[previous * CHAR_CLASSES + next] / row);
        table[previous * CHAR_CLASSES + next] = Math.min(255, Math.round(bits * UNITS_PER_BIT));
      }
    }
    return new CharBigramModel(table);
  }
}
