/**
 * Feature hashing of normalised text into a fixed number of buckets: character 3-, 4- and 5-grams (robust to
 * misspellings, inflections and word-splitting tricks) and word unigrams and bigrams (phrases). Used both by
 * the trainer and at inference, so the two can never disagree about what a feature is. Hashes are computed
 * incrementally over UTF-16 code units: no substrings, no arrays, nothing allocated per call.
 */
export const HASH_BITS = 18;
export const BUCKETS = 1 << HASH_BITS;
const MASK = BUCKETS - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Distinct seeds keep a 3-gram, a word and a bigram with equal characters in different buckets. */
const SEED_CHAR = [0, 0, 0, 0x9e3779b1, 0x85ebca77, 0xc2b2ae3d];
const SEED_WORD = 0x27d4eb2f;
const SEED_BIGRAM = 0x165667b1;
/** Texts beyond this many code units are featurised on their first part only; see `featureCount`. */
export const MAX_CHARS = 16_384;

/** Room `hashFeatures` needs for a text of this many code units: three n-grams a position plus words. */
export function featureCapacity(length: number): number {
  const n = Math.min(length, MAX_CHARS) + 2;
  return 3 * n + 2 * n;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h & MASK;
}

function isWordChar(code: number): boolean {
  // ASCII letters and digits, and every non-ASCII code unit so that other scripts form words too.
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code >= 128;
}

/** Reused between calls: hashing is synchronous, so one buffer per isolate is never shared mid-use. */
let codes = new Uint16Array(1024);

/**
 * Writes the bucket of every feature of `text` (expected lower-case) into `out`, which must hold
 * `featureCapacity(text.length)` entries, and returns how many there are. Writing into a buffer rather than
 * calling back keeps both this loop and the caller's weight lookup loop tight.
 */
export function hashFeatures(text: string, out: Int32Array): number {
  const length = Math.min(text.length, MAX_CHARS);
  const padded = length + 2;
  if (codes.length < padded) codes = new Uint16Array(padded * 2);
  const c = codes;
  c[0] = 32;
  for (let i = 0; i < length; i++) c[i + 1] = text.charCodeAt(i);
  c[padded - 1] = 32;
  let count = 0;

  // Character 3-, 4- and 5-grams over the text padded with one space on each side, so word edges count.
  const s3 = SEED_CHAR[3];
  const s4 = SEED_CHAR[4];
  const s5 = SEED_CHAR[5];
  for (let i = 0; i + 3 <= padded; i++) {
    let h = Math.imul(FNV_OFFSET ^ c[i], FNV_PRIME);
    h = Math.imul(h ^ c[i + 1], FNV_PRIME);
    h = Math.imul(h ^ c[i + 2], FNV_PRIME);
    out[count++] = finish(h ^ s3);
    if (i + 4 > padded) continue;
    h = Math.imul(h ^ c[i + 3], FNV_PRIME);
    out[count++] = finish(h ^ s4);
    if (i + 5 > padded) continue;
    h = Math.imul(h ^ c[i + 4], FNV_PRIME);
    out[count++] = finish(h ^ s5);
  }

  // Words and word bigrams.
  let word = FNV_OFFSET;
  let inWord = false;
  let previous = 0;
  let hasPrevious = false;
  for (let i = 1; i < padded; i++) {
    const code = c[i];
    if (isWordChar(code)) {
      word = Math.imul(word ^ code, FNV_PRIME);
      inWord = true;
      continue;
    }
    if (!inWord) continue;
    out[count++] = finish(word ^ SEED_WORD);
    if (hasPrevious) out[count++] = finish(Math.imul(previous ^ SEED_BIGRAM, FNV_PRIME) ^ word);
    previous = word;
    hasPrevious = true;
    word = FNV_OFFSET;
    inWord = false;
  }
  return count;
}
