import { isDictionaryHash } from './dictionary';
import { HASH_SEED, hashStep } from './lexicon';

/** Longest dictionary word tried at one position. */
const MAX_WORD = 20;
/** Longer runs are left joined: a spaced-out request is a sentence, not a page. */
const MAX_RUN = 200;
const A = 0x61;
const I = 0x69;

/**
 * Splits a run of letters that had every space removed ("whichtopicswereyou", what "w h i c h t o p i c s
 * w e r e y o u" joins to) back into dictionary words: the split with the fewest words, and of those the
 * one with the longest words. Returns the end index of each word, or undefined when the run is one word
 * already, cannot be split into words, or splits only into scraps (words averaging under 2.5 letters, or
 * none of four: "nasa" is not "na sa").
 */
export function segmentWords(codes: ArrayLike<number>): number[] | undefined {
  const length = codes.length;
  if (length < 4 || length > MAX_RUN) return undefined;
  for (let i = 0; i < length; i++) if (codes[i] < A || codes[i] > 0x7a) return undefined;
  // cost[i]: best cost of splitting codes[0..i); from[i]: where its last word starts.
  const cost = new Float64Array(length + 1).fill(Infinity);
  const from = new Int32Array(length + 1).fill(-1);
  cost[0] = 0;
  for (let start = 0; start < length; start++) {
    if (cost[start] === Infinity) continue;
    let hash = HASH_SEED;
    for (let end = start; end < Math.min(length, start + MAX_WORD); end++) {
      hash = hashStep(hash, codes[end]);
      const size = end - start + 1;
      // The dictionary is lower case, so it lacks "I"; "a" and "i" are the only one-letter words.
      if (size === 1 ? codes[start] !== A && codes[start] !== I : !isDictionaryHash(hash)) continue;
      // Fewest words first; among those, longer words (a squared-length bonus, always under one word).
      const next = cost[start] + 1_000 - size * size;
      if (next < cost[end + 1]) {
        cost[end + 1] = next;
        from[end + 1] = start;
      }
    }
  }
  if (cost[length] === Infinity) return undefined;
  const ends: number[] = [];
  for (let at = length; at > 0; at = from[at]!) ends.unshift(at);
  let longest = 0;
  ends.forEach((end, i) => (longest = Math.max(longest, end - (i === 0 ? 0 : ends[i - 1]))));
  if (ends.length < 2 || length / ends.length < 2.5 || longest < 4) return undefined;
  return ends;
}
