/** ASCII word characters as regular expressions' `\b` sees them. */
const WORD = new Uint8Array(128);
for (let code = 0; code < 128; code++)
  WORD[code] =
    (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95
      ? 1
      : 0;

export function isWordCode(code: number): boolean {
  return code < 128 && WORD[code] === 1;
}

/** Key of a word's first up-to-3 characters; words of 1–2 characters are keyed whole. */
export function prefixKey(text: string, at: number, length: number): number {
  let key = length;
  for (let i = 0; i < length; i++) key = Math.imul(key, 0x01000193) ^ text.charCodeAt(at + i);
  return key ^ (key >>> 13);
}

/**
 * Where each word of a text starts (the `\b` notion of a word, as the patterns use it) and the key of its
 * first three characters. Built once per text and shared by every detector: consecutive detectors see the
 * same normalised string, so the index of the last text is kept. The arrays are reused from text to text.
 */
export class WordIndex {
  private static readonly shared = new WordIndex();
  private text: string | undefined;
  count = 0;
  /** Whether the text has any character outside ASCII. */
  nonAscii = false;
  starts = new Int32Array(512);
  keys = new Int32Array(512);

  static of(text: string): WordIndex {
    const index = WordIndex.shared;
    if (index.text !== text) index.build(text);
    return index;
  }

  private build(text: string): void {
    this.text = text;
    const length = text.length;
    if (this.starts.length < length) {
      this.starts = new Int32Array(length);
      this.keys = new Int32Array(length);
    }
    const { starts, keys } = this;
    let count = 0;
    let previousWord = false;
    let nonAscii = false;
    for (let i = 0; i < length; i++) {
      const c0 = text.charCodeAt(i);
      if (c0 >= 128) nonAscii = true;
      const word = c0 < 128 && WORD[c0] === 1;
      if (word && !previousWord) {
        // Same key as `prefixKey` over the word's first up-to-3 characters.
        let key: number;
        const c1 = i + 1 < length ? text.charCodeAt(i + 1) : 0;
        if (c1 < 128 && WORD[c1] === 1) {
          const c2 = i + 2 < length ? text.charCodeAt(i + 2) : 0;
          key =
            c2 < 128 && WORD[c2] === 1
              ? Math.imul(Math.imul(Math.imul(3, 0x01000193) ^ c0, 0x01000193) ^ c1, 0x01000193) ^ c2
              : Math.imul(Math.imul(2, 0x01000193) ^ c0, 0x01000193) ^ c1;
        } else key = Math.imul(1, 0x01000193) ^ c0;
        starts[count] = i;
        keys[count] = key ^ (key >>> 13);
        count++;
      }
      previousWord = word;
    }
    this.count = count;
    this.nonAscii = nonAscii;
  }

  /** Sorted offsets of words that start with one of the prefixes. */
  candidates(text: string, prefixes: readonly string[]): number[] {
    const out: number[] = [];
    for (let w = 0; w < this.count; w++) {
      const at = this.starts[w];
      if (prefixes.some((prefix) => text.startsWith(prefix, at))) out.push(at);
    }
    return out;
  }
}
