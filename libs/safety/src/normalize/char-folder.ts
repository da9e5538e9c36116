import { CONFUSABLES, FoldKind, isStylisedLatinBlock, type FoldTarget } from './confusables';

/**
 * What one non-ASCII code point becomes for detectors: NFKC, then confusable folding, case folding and
 * diacritic stripping, with the kind of change recorded. Each distinct code point is worked out once and
 * memoised, because `String.prototype.normalize` per character would dominate the hot path.
 */

/** Invisible characters: removed from the normalised text. */
export const Invisible = {
  /** Not invisible. */
  None: 0,
  /** Zero-width and formatting characters; suspicious only inside Latin words. */
  Format: 1,
  /** Bidi embeddings, overrides and isolates: never needed to hide in a prompt, always counted. */
  Bidi: 2,
  /** Unicode tag characters (U+E0000–U+E007F), a known smuggling channel. */
  Tag: 3,
} as const;
export type Invisible = (typeof Invisible)[keyof typeof Invisible];

export function invisibleClass(code: number): Invisible {
  if (code < 0xad) return Invisible.None;
  if (code >= 0xe0000) return code <= 0xe007f ? Invisible.Tag : code >= 0xe0100 && code <= 0xe01ef ? 1 : 0;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return Invisible.Bidi;
  return code === 0xad || // soft hyphen
    code === 0x34f || // combining grapheme joiner
    code === 0x61c || // Arabic letter mark
    code === 0x115f ||
    code === 0x1160 || // Hangul fillers
    code === 0x17b4 ||
    code === 0x17b5 || // Khmer inherent vowels
    (code >= 0x180b && code <= 0x180f) || // Mongolian variation selectors and vowel separator
    (code >= 0x200b && code <= 0x200f) || // zero-width space, non-joiner, joiner, LRM, RLM
    (code >= 0x2060 && code <= 0x2064) || // word joiner, invisible operators
    (code >= 0x206a && code <= 0x206f) || // deprecated format characters
    code === 0x3164 ||
    code === 0xffa0 || // Hangul fillers
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors
    code === 0xfeff // zero-width no-break space / BOM
    ? Invisible.Format
    : Invisible.None;
}

/** Combining marks that stack on a base letter (accents, Zalgo). Other scripts' vowel signs are kept. */
export function isCombiningMark(code: number): boolean {
  return (
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

const SPACE: FoldTarget = { text: ' ', kind: FoldKind.Benign };
const MARK: FoldTarget = { text: '', kind: FoldKind.Benign };
const WHITESPACE = /^\s$/u;
/**
 * Folds of the Basic Multilingual Plane in a flat array indexed by code point (a Map lookup cost more than
 * the rest of the per-character work); astral code points in a Map bounded so that a text of every code
 * point there is cannot grow it without limit.
 */
const bmpMemo: (FoldTarget | undefined)[] = new Array<FoldTarget | undefined>(0x10000).fill(undefined);
const ASTRAL_MEMO_LIMIT = 20_000;
const astralMemo = new Map<number, FoldTarget>();

export function foldCodePoint(code: number): FoldTarget {
  if (code < 0x10000) return (bmpMemo[code] ??= computeFold(code));
  let folded = astralMemo.get(code);
  if (folded === undefined) {
    folded = computeFold(code);
    if (astralMemo.size < ASTRAL_MEMO_LIMIT) astralMemo.set(code, folded);
  }
  return folded;
}

/** Scripts where NFKC and case folding change nothing: the common case for non-Latin text. */
export function isStableCodePoint(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
    (code >= 0x3041 && code <= 0x3096) || // Hiragana
    (code >= 0x30a1 && code <= 0x30fa) || // Katakana
    (code >= 0x1f300 && code <= 0x1f5ff) || // pictographs
    (code >= 0x1f600 && code <= 0x1f64f) || // emoticons
    (code >= 0x1f900 && code <= 0x1f9ff) // supplemental symbols and pictographs
  );
}

function computeFold(code: number): FoldTarget {
  if (isCombiningMark(code)) return MARK;
  const own = CONFUSABLES.get(code);
  if (own) return own;
  const source = String.fromCodePoint(code);
  if (code === 0x85 || WHITESPACE.test(source)) return SPACE;
  const compatible = source.normalize('NFKC');
  let text = '';
  let kind: FoldKind = FoldKind.Benign;
  for (const char of compatible) {
    const part = foldCompatible(char);
    text += part.text;
    if (part.kind === FoldKind.Script || part.kind === FoldKind.Compat) kind = part.kind;
    else if (part.kind === FoldKind.Other && kind === FoldKind.Benign) kind = FoldKind.Other;
  }
  if (text === ' ') return SPACE;
  if (compatible !== source && isStylisedLatinBlock(code) && /[a-z]/.test(text)) kind = FoldKind.Compat;
  return { text, kind };
}

/** One code point of the NFKC form: confusable, then lower case, then accents stripped. */
function foldCompatible(char: string): FoldTarget {
  const code = char.codePointAt(0)!;
  if (code < 0x80) return { text: char.toLowerCase(), kind: FoldKind.Benign };
  if (isCombiningMark(code)) return MARK;
  const exact = CONFUSABLES.get(code);
  if (exact) return exact;
  const lower = char.toLowerCase();
  const lowered = CONFUSABLES.get(lower.codePointAt(0)!);
  if (lowered) return lowered;
  if (WHITESPACE.test(lower)) return SPACE;
  // Accented letters decompose canonically; dropping the marks leaves the base letter.
  let base = '';
  for (const part of lower.normalize('NFD')) {
    const partCode = part.codePointAt(0)!;
    if (isCombiningMark(partCode)) continue;
    base += CONFUSABLES.get(partCode)?.text ?? part;
  }
  if (base !== lower) {
    const script = [...lower.normalize('NFD')].some(
      (part) => CONFUSABLES.get(part.codePointAt(0)!)?.kind === FoldKind.Script,
    );
    return { text: base, kind: script ? FoldKind.Script : isAscii(base) ? FoldKind.Benign : FoldKind.Other };
  }
  return { text: lower, kind: isAscii(lower) ? FoldKind.Benign : FoldKind.Other };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) return false;
  return true;
}
