import { isLexiconWord } from './lexicon';

/** A run of words that reads as English once the game is undone, in normalised-text offsets. */
export interface WordGameRun {
  kind: 'pig_latin' | 'reversed';
  start: number;
  end: number;
  decoded: string;
}

/** Fewer words than this is chance ("okay", "away", "today" end in -ay; "no" reversed is "on"). */
const MIN_WORDS = 4;
/** Share of a run's words that must decode to lexicon words. */
const MIN_DECODED_SHARE = 0.6;
const WORD = /[a-z]+/g;
const VOWEL = /[aeiou]/;

/**
 * Word games that hide a request from word-based detectors while a model still reads it: pig latin
 * ("ellhay emay owhay" → "tell me how") and text written backwards ("bmob a ekam" → "make a bomb"). A run
 * counts only when most of its words are not English as written and are English once undone, so ordinary
 * text with the odd "today" or "stay" is left alone. Runs on the normalised (lower-case) text; the caller
 * maps offsets back.
 */
export function findWordGames(normalized: string): WordGameRun[] {
  const words: { start: number; end: number; word: string }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(normalized); m !== null; m = WORD.exec(normalized))
    words.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  if (words.length < MIN_WORDS) return [];
  // Most of a run must decode, and a word that is English as written never does: text that is mostly
  // English already (nearly every text) is done after one lexicon lookup per word.
  let plain = 0;
  for (const { word } of words) if (isLexiconWord(word)) plain++;
  if (plain > (1 - MIN_DECODED_SHARE) * words.length) return [];
  const runs: WordGameRun[] = [];
  const pig = decodeRun(words, unPigLatin, guessPigLatin);
  if (pig) {
    const start = words[pig.first].start;
    runs.push({ kind: 'pig_latin', start, end: words[pig.last].end, decoded: pig.decoded });
  }
  // Backwards text is read from its last word: decode the words in reverse order.
  const reversedWords = [...words].reverse();
  const backwards = decodeRun(reversedWords, unReverse);
  if (backwards) {
    const start = reversedWords[backwards.last].start;
    const end = reversedWords[backwards.first].end;
    runs.push({ kind: 'reversed', start, end, decoded: backwards.decoded });
    // Each word flipped where it stands ("llet em woh") reads in text order instead.
    const inPlace = backwards.decoded.split(' ').reverse().join(' ');
    runs.push({ kind: 'reversed', start, end, decoded: inPlace });
  }
  return runs;
}

/** The stretch from the first to the last decoded word, when most words decode; indexes into `words`. */
function decodeRun(
  words: readonly { start: number; end: number; word: string }[],
  decode: (word: string) => string | undefined,
  guess?: (word: string) => string | undefined,
): { first: number; last: number; decoded: string } | undefined {
  let decodedCount = 0;
  const out: string[] = [];
  let first = -1;
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    const { word } = words[i];
    const plain = isLexiconWord(word);
    const undone = plain ? undefined : decode(word);
    if (undone !== undefined) {
      decodedCount++;
      if (first < 0) first = i;
      last = i;
      out.push(undone);
    } else out.push(word);
  }
  if (decodedCount < MIN_WORDS || decodedCount / words.length < MIN_DECODED_SHARE) return undefined;
  // Once the game is certain, words the small lexicon lacks are undone by the rule alone.
  if (guess)
    for (let i = first; i <= last; i++)
      if (out[i] === words[i].word && !isLexiconWord(out[i])) out[i] = guess(out[i]) ?? out[i];
  return { first, last, decoded: out.slice(first, last + 1).join(' ') };
}

function unReverse(word: string): string | undefined {
  const flipped = [...word].reverse().join('');
  return flipped !== word && isLexiconWord(flipped) ? flipped : undefined;
}

/** "ethay" → "the", "useryay" → "user", "ivelay" → "live"; undefined when no reading is a word. */
function unPigLatin(word: string): string | undefined {
  for (const suffix of ['yay', 'way', 'hay']) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      if (VOWEL.test(stem[0]) && isLexiconWord(stem)) return stem;
    }
  }
  if (!word.endsWith('ay') || word.length < 4) return undefined;
  const stem = word.slice(0, -2);
  // The consonants moved to the end, one more at a time: "eth" → "het", "the"; "erewh" → "where".
  for (let cut = stem.length - 1; cut >= 1 && !VOWEL.test(stem[cut]); cut--) {
    const candidate = stem.slice(cut) + stem.slice(0, cut);
    if (isLexiconWord(candidate)) return candidate;
  }
  return isLexiconWord(stem) ? stem : undefined;
}

/** The pig latin rule without a lexicon: "-yay"/"-way" after a vowel, else the trailing consonants move back. */
function guessPigLatin(word: string): string | undefined {
  if (/^[aeiou].+(?:yay|way)$/.test(word)) return word.slice(0, -3);
  const match = /^([aeiouy][a-z]*?)([^aeiouy]{1,3})ay$/.exec(word);
  return match ? match[2] + match[1] : undefined;
}
