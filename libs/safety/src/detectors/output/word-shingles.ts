/**
 * Word shingles of a normalised text: every run of `size` consecutive words, hashed. Words are runs of
 * letters and digits, so punctuation, Markdown and line breaks a model adds when it repeats a text do not
 * break a match; the text is already case-folded and free of look-alikes.
 *
 * One pass, no arrays: each word is hashed as it is read and folded into two rolling polynomial hashes of
 * the last `size` words. `key` (30 bits, a small integer that a Map looks up without boxing) finds
 * candidates; `check`, an independent hash, confirms them, so collisions stay negligible at any size.
 */
export type ShingleVisitor = (key: number, check: number, index: number, start: number, end: number) => void;

const KEY_BASE = 0x01000193;
const CHECK_BASE = 0x5bd1e995;

/** Calls `visit` for each shingle (index of its first word, normalised span); returns the number of words. */
export function forEachShingle(text: string, size: number, visit: ShingleVisitor): number {
  const hashes = new Int32Array(size);
  const starts = new Int32Array(size);
  const keyPower = power(KEY_BASE, size - 1);
  const checkPower = power(CHECK_BASE, size - 1);
  let key = 0;
  let check = 0;
  let words = 0;
  const length = text.length;
  for (let at = 0; at < length;) {
    let code = text.charCodeAt(at);
    if (!isWordChar(code)) {
      at++;
      continue;
    }
    const start = at;
    let hash = 0x811c9dc5 | 0;
    do {
      hash = Math.imul(hash ^ code, 0x01000193);
      code = ++at < length ? text.charCodeAt(at) : 0;
    } while (isWordChar(code));
    const slot = words % size;
    if (words >= size) {
      // Drop the word leaving the window before adding the new one.
      key = (key - Math.imul(hashes[slot], keyPower)) | 0;
      check = (check - Math.imul(hashes[slot] ^ 0x5a5a5a5a, checkPower)) | 0;
    }
    key = (Math.imul(key, KEY_BASE) + hash) | 0;
    check = (Math.imul(check, CHECK_BASE) + (hash ^ 0x5a5a5a5a)) | 0;
    hashes[slot] = hash;
    starts[slot] = start;
    words++;
    if (words >= size) visit(key & 0x3fffffff, check, words - size, starts[words % size], at);
  }
  return words;
}

function power(base: number, exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, base);
  return result;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0xc0 && code !== 0xfffd)
  );
}
