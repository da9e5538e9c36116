import { FoldKind } from './confusables';
import { isDictionaryHash } from './dictionary';
import { HASH_SEED, hashStep, isLexiconHash, isRot13Ambiguous } from './lexicon';
import { Rot13Tracker, rot13Code } from './rot13-scanner';
import { ScriptWords } from './script-words';
import { segmentWords } from './word-segmenter';
import { WIDE_SPACE, type TextBuffer } from './text-buffer';

export interface WordPassOptions {
  leetspeak: boolean;
  joinSpacedLetters: boolean;
  /** Whether to look for rot13 runs (the words are read anyway, so this costs a few hash steps). */
  rot13: boolean;
  /** From the character pass: "x y" pairs of single characters; fewer than 3 means nothing to join. */
  spacedPairs: number;
  /** The text before normalisation: words of another script are given back their own letters from it. */
  original: string;
}

export interface WordPassResult {
  /** Leetspeak substitutions plus look-alike letters that sit where they look like evasion. */
  foldedChars: number;
  /** Runs of words that read as English after rot13, as offsets in the normalised text. */
  rot13Runs: { start: number; end: number }[];
}

/**
 * Second pass, over words of the character-folded buffer, in place (it only ever shortens the text):
 * "i g n o r e" joined, leetspeak undone where a token is a word in disguise, and folded look-alike letters
 * counted only where they suggest evasion rather than a foreign language.
 */
export function wordPass(buffer: TextBuffer, options: WordPassOptions): WordPassResult {
  if (options.joinSpacedLetters && options.spacedPairs >= 3) joinSpacedLetters(buffer);
  return countAndUndoLeet(
    buffer,
    options.leetspeak,
    options.rot13 ? new Rot13Tracker() : undefined,
    new ScriptWords(options.original),
  );
}

const isLetter = (code: number) => code >= 0x61 && code <= 0x7a;
const OTHER = FoldKind.Other;
const SCRIPT = FoldKind.Script;
const COMPAT = FoldKind.Compat;
const FNV_PRIME = 0x01000193;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isAlnum = (code: number) => isLetter(code) || isDigit(code);

/** Runs of at least 4 single characters (3 of them letters) split by one space, dot or dash each. */
function joinSpacedLetters(buffer: TextBuffer): void {
  const { units, kinds } = buffer;
  const length = buffer.length;
  let write = 0;
  let read = 0;
  while (read < length) {
    let end = read + 1;
    if (end < length && isSeparatorAt(units, kinds, end) && isSingleAt(units, length, read)) {
      let count = 1;
      let letters = isLetter(units[read]) ? 1 : 0;
      while (end + 1 < length && isSeparatorAt(units, kinds, end) && isSingleAt(units, length, end + 1)) {
        count++;
        if (isLetter(units[end + 1])) letters++;
        end += 2;
      }
      if (count >= 4 && letters >= 3) {
        write = writeJoinedRun(buffer, read, end, write);
        read = end;
        continue;
      }
      // A run that does not qualify is copied whole: none of its suffixes can qualify either, and
      // rescanning them would make the pass quadratic on "1 1 1 1 …".
      for (; read < end; read++) write = copyUnit(buffer, read, write);
      continue;
    }
    write = copyUnit(buffer, read, write);
    read++;
  }
  buffer.length = write;
}

/** Moves one unit (with its original offset and kind) down to the write position; returns the next one. */
function copyUnit(buffer: TextBuffer, read: number, write: number): number {
  if (write !== read) {
    buffer.units[write] = buffer.units[read];
    buffer.starts[write] = buffer.starts[read];
    buffer.kinds[write] = buffer.kinds[read];
  }
  return write + 1;
}

/**
 * Writes the letters of a spaced run (at read, read + 2, … before end) joined, and where the joined letters
 * split into dictionary words ("w h i c h t o p i c s" → "which topics"), with a space between the words:
 * the space takes the place of the separator it came from. Returns the new write position.
 */
function writeJoinedRun(buffer: TextBuffer, read: number, end: number, write: number): number {
  const { units, starts, kinds } = buffer;
  const letters = Math.ceil((end - read) / 2);
  const codes = new Uint16Array(letters);
  for (let k = 0; k < letters; k++) codes[k] = units[read + 2 * k];
  const ends = segmentWords(codes);
  let word = 0;
  for (let k = 0; k < letters; k++) {
    const at = read + 2 * k;
    // Read before writing: the output never runs ahead of the letter being read, but may land on it.
    const start = starts[at];
    const kind = kinds[at];
    const last = k + 1 === letters;
    const spaceStart = last ? 0 : starts[at + 1];
    units[write] = codes[k];
    starts[write] = start;
    kinds[write] = kind;
    write++;
    if (ends && !last && ends[word] === k + 1) {
      units[write] = 0x20;
      starts[write] = spaceStart;
      kinds[write] = 0;
      write++;
      word++;
    }
  }
  return write;
}

function isSeparatorAt(units: Uint16Array, kinds: Uint8Array, at: number): boolean {
  const unit = units[at];
  return unit === 0x2e || unit === 0x2d || (unit === 0x20 && (kinds[at] & WIDE_SPACE) === 0);
}

function isSingleAt(units: Uint16Array, length: number, at: number): boolean {
  return (
    isAlnum(units[at]) &&
    (at === 0 || !isAlnum(units[at - 1])) &&
    (at + 1 >= length || !isAlnum(units[at + 1]))
  );
}

/** Leet characters and what they stand for; the second reading is tried when the first is not a word. */
const LEET_PRIMARY = new Map<number, number>();
const LEET_ALTERNATIVE = new Map<number, number>();
for (const [leet, primary, alternative] of [
  ['0', 'o'],
  ['1', 'i', 'l'],
  ['2', 'z'],
  ['3', 'e'],
  ['4', 'a'],
  ['5', 's'],
  ['6', 'g'],
  ['7', 't'],
  ['8', 'b'],
  ['9', 'g'],
  ['@', 'a'],
  ['$', 's'],
  ['!', 'i', 'l'],
  ['|', 'l', 'i'],
  ['+', 't'],
  ['€', 'e'],
] as const) {
  LEET_PRIMARY.set(leet.charCodeAt(0), primary.charCodeAt(0));
  if (alternative) LEET_ALTERNATIVE.set(leet.charCodeAt(0), (alternative as string).charCodeAt(0));
}
/** The substitutions nearly every leetspeak text uses; rarer ones (2 → z, 6 → g) need a lexicon word. */
const CLASSIC_LEET = new Set([...'0134579@$!|'].map((char) => char.charCodeAt(0)));
const LEET_SYMBOL = new Uint8Array(128);
for (const code of LEET_PRIMARY.keys()) if (code < 128) LEET_SYMBOL[code] = 1;
const EURO = 0x20ac;
const isTokenChar = (code: number) =>
  code < 128 ? isLetter(code) || LEET_SYMBOL[code] === 1 : code === EURO;
const VOWELS = new Set([0x61, 0x65, 0x69, 0x6f, 0x75, 0x79]);
const MAX_LEET_WORD = 20;

function countAndUndoLeet(
  buffer: TextBuffer,
  leetspeak: boolean,
  rot13: Rot13Tracker | undefined,
  scriptWords: ScriptWords,
): WordPassResult {
  const { units, kinds } = buffer;
  const length = buffer.length;
  let leetChars = 0;
  let mixedFolds = 0;
  let pureFolds = 0;
  let nativeLetters = 0;
  let otherLetters = 0;
  let wordsUndone = 0;
  /** Tokens with leet characters that the strict reading left alone: [start, end) pairs. */
  const leftAlone: number[] = [];
  for (let start = 0; start < length;) {
    const code = units[start];
    const kind = kinds[start] & 0x7f;
    if (!isTokenChar(code) && kind !== OTHER) {
      start++;
      continue;
    }
    let end = start;
    let native = 0;
    let folded = 0;
    let other = 0;
    let symbols = 0;
    let plain = HASH_SEED;
    for (; end < length; end++) {
      const unit = units[end];
      const unitKind = kinds[end] & 0x7f;
      if (unitKind === OTHER) other++;
      else if (unit >= 0x61 && unit <= 0x7a) {
        if (unitKind === SCRIPT || unitKind === COMPAT) folded++;
        else native++;
        plain = Math.imul(plain ^ unit, FNV_PRIME); // hashStep, inlined: this loop reads every letter
      } else if (isTokenChar(unit)) symbols++;
      else break;
    }
    if (rot13) {
      if (other !== 0 || symbols !== 0) rot13.other();
      else if (isLexiconHash(plain) && !isRot13Ambiguous(plain)) rot13.plainWord();
      else {
        // Only words that are not English as written are worth reading rotated.
        let rotated = HASH_SEED;
        for (let at = start; at < end; at++) rotated = hashStep(rotated, rot13Code(units[at]));
        rot13.word(start, end, plain, rotated);
      }
    }
    nativeLetters += native;
    otherLetters += other;
    // Look-alikes inside a Latin word are evasion; a whole word of them counts unless the text is foreign.
    if (native > 0) mixedFolds += folded;
    else if (other === 0 && folded >= 3) pureFolds += folded;
    if (native === 0 && folded > 0) scriptWords.add(start, end, other > 0);
    if (leetspeak && other === 0 && symbols > 0) {
      const changed = native + folded > 0 ? undoLeet(buffer, start, end) : 0;
      if (changed > 0) {
        leetChars += changed;
        wordsUndone++;
      } else leftAlone.push(start, end);
    }
    start = end;
  }
  // A text that is written in leetspeak spells its short words that way too ("h0w 70 m4k3 4 80m8"): once
  // two words were read back, a token is also read back when it is a word under the looser rule.
  if (wordsUndone >= LEET_TEXT_WORDS)
    for (let i = 0; i < leftAlone.length; i += 2)
      leetChars += undoLeet(buffer, leftAlone[i], leftAlone[i + 1], true);
  const foreignText = otherLetters > nativeLetters;
  scriptWords.restore(buffer, foreignText);
  return {
    foldedChars: leetChars + mixedFolds + (foreignText ? 0 : pureFolds),
    rot13Runs: rot13?.finish() ?? [],
  };
}

/** Words read back from leetspeak after which a text counts as written in it. */
const LEET_TEXT_WORDS = 2;

/**
 * Undoes leetspeak in the token [start, end) when it is a word in disguise; returns characters changed.
 * `inLeetText` (the text is leetspeak already) also accepts short and all-symbol tokens ("70", "4",
 * "80m8") and words of the general dictionary, but only as words, never by shape.
 */
function undoLeet(buffer: TextBuffer, start: number, end: number, inLeetText = false): number {
  const { units, kinds } = buffer;
  // Mentions, signs and exclamation marks at the edges are punctuation, not letters.
  while (start < end && (units[start] === 0x40 || units[start] === 0x2b)) start++;
  while (end > start && (units[end - 1] === 0x21 || units[end - 1] === 0x2b)) end--;
  // No lexicon word is this long, and leetspeak that long is not a word either: base64, hashes, identifiers.
  if (end - start < (inLeetText ? 1 : 3) || end - start > MAX_LEET_WORD || isProtected(buffer, start, end))
    return 0;
  if (units[start] === 0x30 && units[start + 1] === 0x78) return 0; // 0x… is a hex literal
  let letters = 0;
  let leets = 0;
  let firstLetter = -1;
  let lastLetter = -1;
  let mixedDigits = false;
  let rareLeet = false;
  let hexOnly = true;
  let ambiguous = 0;
  for (let at = start; at < end; at++) {
    const unit = units[at];
    if (isLetter(unit)) {
      letters++;
      if (firstLetter < 0) firstLetter = at;
      lastLetter = at;
      if (unit > 0x66) hexOnly = false;
      continue;
    }
    leets++;
    if (!isDigit(unit)) hexOnly = false;
    if (!CLASSIC_LEET.has(unit)) rareLeet = true;
    if (LEET_ALTERNATIVE.has(unit)) ambiguous++;
    // "00" in n00b is a doubled letter; "86" in x86 or "56" in sha256 is a number.
    if (at > start && isDigit(unit) && isDigit(units[at - 1]) && unit !== units[at - 1]) mixedDigits = true;
  }
  let inner = false;
  for (let at = firstLetter + 1; at < lastLetter && !inner; at++) inner = !isLetter(units[at]);
  if (leets === 0 || (letters < 2 && !inLeetText)) return 0;
  if (letters === 0 && isPartOfNumber(buffer, start, end)) return 0;

  // A word of the lexicon under some reading of the ambiguous characters (1 → i or l) settles it.
  const variants = ambiguous <= 3 ? 1 << ambiguous : 1;
  let chosen = -1;
  for (let variant = 0; variant < variants && chosen < 0; variant++) {
    const reading = readingHash(units, start, end, variant);
    if (isLexiconHash(reading) || (inLeetText && isDictionaryHash(reading))) chosen = variant;
  }
  if (chosen < 0) {
    if (inLeetText) return 0;
    // Otherwise only an unmistakable shape: several substitutions inside a pronounceable word, and none of
    // the shapes of identifiers (sha256, x86, i18n), hex strings or serial numbers.
    if (leets < 2 || letters < 3 || !inner || mixedDigits || rareLeet || hexOnly) return 0;
    chosen = 0;
    let vowel = false;
    for (let at = start; at < end && !vowel; at++) vowel = VOWELS.has(readUnit(units[at], 0, 0));
    if (!vowel) return 0;
  }
  let changed = 0;
  let ambiguousIndex = 0;
  for (let at = start; at < end; at++) {
    const unit = units[at];
    if (isLetter(unit)) continue;
    const index = LEET_ALTERNATIVE.has(unit) ? ambiguousIndex++ : 0;
    units[at] = readUnit(unit, chosen, index);
    kinds[at] = FoldKind.Leet;
    changed++;
  }
  return changed;
}

function readUnit(unit: number, variant: number, ambiguousIndex: number): number {
  if (isLetter(unit)) return unit;
  const alternative = LEET_ALTERNATIVE.get(unit);
  if (alternative !== undefined && (variant >> ambiguousIndex) & 1) return alternative;
  return LEET_PRIMARY.get(unit)!;
}

function readingHash(units: Uint16Array, start: number, end: number, variant: number): number {
  let hash = HASH_SEED;
  let ambiguousIndex = 0;
  for (let at = start; at < end; at++) {
    const unit = units[at];
    const index = LEET_ALTERNATIVE.has(unit) ? ambiguousIndex++ : 0;
    hash = hashStep(hash, readUnit(unit, variant, index));
  }
  return hash;
}

/** Times, decimals, dates, ranges and amounts ("10:45", "4.99", "1/2", "$5") are numbers, not words. */
const NUMBER_JOINERS = new Set([...':.,/-%$€£'].map((char) => char.charCodeAt(0)));
function isPartOfNumber(buffer: TextBuffer, start: number, end: number): boolean {
  const { units, length } = buffer;
  return (
    (start > 0 && NUMBER_JOINERS.has(units[start - 1])) || (end < length && NUMBER_JOINERS.has(units[end]))
  );
}

/** E-mail addresses keep their digits: `j0hn@mail.com` is data, not a disguised word. */
function isProtected(buffer: TextBuffer, start: number, end: number): boolean {
  const { units, length } = buffer;
  let at = start;
  while (at < end && units[at] !== 0x40) at++;
  if (at === end || at === start) return false;
  const after = end < length ? units[end] : 0;
  return after === 0x2e || after === 0x2d;
}
