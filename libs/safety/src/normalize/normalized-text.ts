import type { AnalyzedText, DecodedSegment, EvasionSignals, Span } from '../types';

/**
 * The analysed text with its offset map. `starts[i]` is the original offset of the code point that produced
 * normalised unit `i`; every unit comes from exactly one code point, so where that code point ends follows
 * from the original text (two units for a surrogate pair, one otherwise).
 */
export class NormalizedText implements AnalyzedText {
  constructor(
    readonly original: string,
    readonly normalized: string,
    private readonly starts: Int32Array,
    readonly decoded: readonly DecodedSegment[],
    readonly signals: EvasionSignals,
    /** Digits in the normalised text: detectors of numbers skip texts with too few. */
    readonly digitCount = Number.POSITIVE_INFINITY,
  ) {}

  /**
   * Original offset of a normalised offset. Usable as a start or an end: inside an expansion ('ﬁ' → "fi")
   * the offset between the two letters maps to the end of the ligature, as the contract asks. For exact
   * spans that also leave out invisible characters next to the match, use `toOriginalSpan`.
   */
  toOriginal(offset: number): number {
    const length = this.starts.length;
    if (offset <= 0) return length === 0 ? 0 : this.starts[0];
    if (offset >= length) return length === 0 ? 0 : this.endOf(length - 1);
    const start = this.starts[offset];
    return start === this.starts[offset - 1] ? this.endOf(offset - 1) : start;
  }

  /** The original characters that produced normalised units [start, end), exactly. */
  toOriginalSpan(start: number, end: number): Span {
    return mapSpan(this.original, this.starts, start, end);
  }

  private endOf(index: number): number {
    return sourceEnd(this.original, this.starts, index);
  }
}

/** `toOriginalSpan` over a raw offset map, for building the analysed text. */
export function mapSpan(original: string, starts: Int32Array, start: number, end: number): Span {
  const length = starts.length;
  if (length === 0) return { start: 0, end: 0 };
  const from = Math.max(0, Math.min(start, length));
  const to = Math.max(from, Math.min(end, length));
  if (from === length) {
    const at = sourceEnd(original, starts, length - 1);
    return { start: at, end: at };
  }
  const originalStart = starts[from];
  return { start: originalStart, end: to === from ? originalStart : sourceEnd(original, starts, to - 1) };
}

/** End (exclusive) in the original of the code point behind normalised unit `index`. */
function sourceEnd(original: string, starts: Int32Array, index: number): number {
  const start = starts[index];
  const code = original.charCodeAt(start);
  const pair = code >= 0xd800 && code <= 0xdbff && (original.charCodeAt(start + 1) & 0xfc00) === 0xdc00;
  return start + (pair ? 2 : 1);
}

/**
 * Maps a span of `text.normalized` back to the original. Exact for texts from `analyzeText`; for any other
 * `AnalyzedText` it falls back to `toOriginal` at both ends, which contains the source characters.
 */
export function originalSpan(text: AnalyzedText, start: number, end: number): Span {
  if (text instanceof NormalizedText) return text.toOriginalSpan(start, end);
  const from = text.toOriginal(start);
  return { start: from, end: Math.max(from, text.toOriginal(end)) };
}

/** Digits in the normalised text, when the analyser counted them; otherwise unknown (Infinity). */
export function digitCount(text: AnalyzedText): number {
  return text instanceof NormalizedText ? text.digitCount : Number.POSITIVE_INFINITY;
}
