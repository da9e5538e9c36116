import { ENCODING_CLASS, MIN_ENCODED_RUN } from './char-classes';
import { foldCodePoint, invisibleClass, Invisible, isStableCodePoint } from './char-folder';
import { FoldKind } from './confusables';
import { WIDE_SPACE, type TextBuffer } from './text-buffer';

export interface CharacterPassResult {
  invisibleChars: number;
  tagText: string;
  /** Original offsets of the first and last hidden tag character (-1 without any): the evidence span. */
  tagStart: number;
  tagEnd: number;
  /** ASCII and folded digits in the normalised text: lets digit-hungry detectors skip texts without them. */
  digits: number;
  /** '%' characters in the original: URL-decoding needs at least three. */
  percents: number;
  /** "x y" pairs of single characters (one a letter) around one separator: joining needs at least three. */
  spacedPairs: number;
  /** Longest chain of two-hex-digit tokens each followed by a space, ':' or ',' ("69 67 6e "). */
  hexPairs: number;
  /**
   * Runs of base64/hex alphabet characters in the original, at least MIN_ENCODED_RUN long, as flat triples
   * (start, end, class intersection): collected here so the payload decoder need not read the text again.
   */
  encodedRuns: number[];
}

const WAVING_BLACK_FLAG = 0x1f3f4;
const REPLACEMENT_CHARACTER = 0xfffd;
/** Room for the longest NFKC expansion of one code point (U+FDFA gives 18 units) and a space. */
const EXPANSION_ROOM = 20;
const NATIVE = FoldKind.Native;
const OTHER = FoldKind.Other;

/**
 * First pass, one code point at a time: NFKC and confusable folding, lower case, invisible characters
 * dropped (tag characters decoded on the way), whitespace runs collapsed to one space. Every unit written to
 * the buffer records the original offset of the code point it came from.
 *
 * This loop runs for every character of every check, so it is written for the JIT: state in plain locals
 * (a closure that mutated them would move them to the heap), the buffer's arrays held locally, and room
 * reserved up front so that the ASCII path never checks capacity: each ASCII character adds at most one unit.
 */
export function characterPass(text: string, buffer: TextBuffer): CharacterPassResult {
  const length = text.length;
  buffer.reset(length + 64);
  let units = buffer.units;
  let starts = buffer.starts;
  let kinds = buffer.kinds;
  let n = 0;
  const encodingClass = ENCODING_CLASS;
  let invisibleChars = 0;
  let tagCodes: number[] | undefined;
  let tagStart = -1;
  let tagEnd = -1;
  /** Original offset of the first whitespace character of a pending run, or -1. */
  let pendingSpace = -1;
  let wideSpace = false;
  let lastCodePoint = 0;
  let stackedMarks = 0;
  let digits = 0;
  let percents = 0;
  let spacedPairs = 0;
  let hexPairs = 0;
  let hexChain = 0;
  const encodedRuns: number[] = [];
  let runStart = -1;
  let runClass = 0;

  for (let i = 0; i < length;) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      stackedMarks = 0;
      const encoding = encodingClass[c];
      if (encoding !== 0) {
        if (runStart < 0) {
          runStart = i;
          runClass = encoding;
        } else runClass &= encoding;
      } else if (runStart >= 0) {
        if (i - runStart >= MIN_ENCODED_RUN) encodedRuns.push(runStart, i, runClass);
        runStart = -1;
      }
      if (c <= 0x20 || c === 0x7f) {
        if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
          if (pendingSpace < 0) pendingSpace = i;
          else if (c !== 0x0a || text.charCodeAt(i - 1) !== 0x0d) wideSpace = true;
        }
        // Other C0 controls and DEL carry nothing a detector or a model reads: dropped.
        i++;
        continue;
      }
      if (pendingSpace >= 0) {
        if (n > 0) {
          spacedPairs += endsWithPair(units, n);
          hexChain = endsWithHexPair(units, n) ? hexChain + 1 : 0;
          if (hexChain > hexPairs) hexPairs = hexChain;
          units[n] = 0x20;
          starts[n] = pendingSpace;
          kinds[n++] = wideSpace ? NATIVE | WIDE_SPACE : NATIVE;
        }
        pendingSpace = -1;
        wideSpace = false;
      }
      let unit = c;
      if (c <= 0x39) {
        if (c >= 0x30) digits++;
        else {
          if (c === 0x25) percents++;
          else if (c === 0x2c) {
            hexChain = endsWithHexPair(units, n) ? hexChain + 1 : 0;
            if (hexChain > hexPairs) hexPairs = hexChain;
          }
          spacedPairs += endsWithPair(units, n);
        }
      } else if (c <= 0x5a) {
        if (c >= 0x41) unit = c + 0x20;
        else {
          if (c === 0x3a) {
            hexChain = endsWithHexPair(units, n) ? hexChain + 1 : 0;
            if (hexChain > hexPairs) hexPairs = hexChain;
          }
          spacedPairs += endsWithPair(units, n);
        }
      } else if (c > 0x7a || c < 0x61) spacedPairs += endsWithPair(units, n);
      units[n] = unit;
      starts[n] = i;
      kinds[n++] = NATIVE;
      lastCodePoint = c;
      i++;
      continue;
    }

    // Beyond ASCII: rarer, so clarity before speed.
    if (runStart >= 0) {
      if (i - runStart >= MIN_ENCODED_RUN) encodedRuns.push(runStart, i, runClass);
      runStart = -1;
    }
    let code = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = ((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        width = 2;
      } else {
        code = REPLACEMENT_CHARACTER; // a lone surrogate
      }
    }
    const invisible = invisibleClass(code);
    if (invisible !== Invisible.None) {
      if (invisible === Invisible.Tag) {
        // Subdivision flags (🏴 + tag letters) are the one legitimate use of tag characters.
        if (lastCodePoint !== WAVING_BLACK_FLAG) {
          invisibleChars++;
          if (code >= 0xe0020 && code <= 0xe007e) {
            (tagCodes ??= []).push(code - 0xe0000);
            if (tagStart < 0) tagStart = i;
            tagEnd = i + width;
          }
        }
      } else if (code === 0xfeff && i === 0) {
        // A byte-order mark at the start is an encoding artefact, not an attempt to hide anything.
      } else if (invisible === Invisible.Bidi || touchesLatin(text, i + width, units, n, pendingSpace)) {
        invisibleChars++;
      }
      i += width;
      continue;
    }
    lastCodePoint = code;
    let folded: string;
    let kind: number;
    if (isStableCodePoint(code)) {
      folded = width === 1 ? String.fromCharCode(c) : text.slice(i, i + 2);
      kind = OTHER;
    } else {
      const fold = foldCodePoint(code);
      if (fold.text.length === 0) {
        // A combining mark on its own: one or two are accents, a stack of them is Zalgo-style noise.
        if (++stackedMarks > 2) invisibleChars++;
        i += width;
        continue;
      }
      folded = fold.text;
      kind = fold.kind;
    }
    stackedMarks = 0;
    if (units.length < n + (length - i) + EXPANSION_ROOM) {
      buffer.length = n;
      buffer.reserve(length - i + EXPANSION_ROOM);
      units = buffer.units;
      starts = buffer.starts;
      kinds = buffer.kinds;
    }
    for (let u = 0; u < folded.length; u++) {
      const part = folded.charCodeAt(u);
      if (part === 0x20) {
        if (pendingSpace < 0) pendingSpace = i;
        else wideSpace = true;
        continue;
      }
      if (pendingSpace >= 0) {
        if (n > 0) {
          spacedPairs += endsWithPair(units, n);
          units[n] = 0x20;
          starts[n] = pendingSpace;
          kinds[n++] = wideSpace ? NATIVE | WIDE_SPACE : NATIVE;
        }
        pendingSpace = -1;
        wideSpace = false;
      }
      if (part >= 0x30 && part <= 0x39) digits++;
      else if (!isAsciiAlnum(part)) spacedPairs += endsWithPair(units, n);
      units[n] = part;
      starts[n] = i;
      kinds[n++] = kind;
    }
    i += width;
  }

  buffer.length = n;
  if (runStart >= 0 && length - runStart >= MIN_ENCODED_RUN) encodedRuns.push(runStart, length, runClass);
  spacedPairs += endsWithPair(units, n);
  return {
    invisibleChars,
    tagText: tagCodes ? String.fromCharCode(...tagCodes) : '',
    tagStart,
    tagEnd,
    digits,
    percents,
    spacedPairs,
    hexPairs,
    encodedRuns,
  };
}

/**
 * 1 when the units end with a single character, a separator and another single character, one of them a
 * letter ("… a b", not "1.2"): counted as a gate, so the word pass looks for "i g n o r e" runs only where
 * there can be one.
 */
function endsWithPair(units: Uint16Array, n: number): number {
  if (n < 3) return 0;
  const last = units[n - 1];
  const first = units[n - 3];
  if (!isAsciiAlnum(last) || !isAsciiAlnum(first) || (last <= 0x39 && first <= 0x39)) return 0;
  const separator = units[n - 2];
  if (separator !== 0x20 && separator !== 0x2e && separator !== 0x2d) return 0;
  return n >= 4 && isAsciiAlnum(units[n - 4]) ? 0 : 1;
}

/** 1 when the units end with exactly two hex digits ("… 6e"), about to be followed by a separator. */
function endsWithHexPair(units: Uint16Array, n: number): number {
  if (n < 2 || !isHexDigit(units[n - 1]) || !isHexDigit(units[n - 2])) return 0;
  return n >= 3 && isAsciiAlnum(units[n - 3]) ? 0 : 1;
}

/** Whether an invisible character sits against an ASCII letter or digit: hiding inside a Latin word. */
function touchesLatin(
  text: string,
  next: number,
  units: Uint16Array,
  n: number,
  pendingSpace: number,
): boolean {
  if (pendingSpace < 0 && n > 0 && isAsciiAlnum(units[n - 1])) return true;
  if (next >= text.length) return false;
  const code = text.charCodeAt(next);
  return isAsciiAlnum(code >= 0x41 && code <= 0x5a ? code + 0x20 : code);
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66);
}
