import { originalSpan } from '../../normalize/normalized-text';
import type { AnalyzedText, Category, Finding } from '../../types';

export interface DataMatch {
  /** Offsets in `text.normalized`. */
  start: number;
  end: number;
  score: number;
  reason: string;
}

/** A finding for a match in the normalised text, with its span mapped exactly onto the original. */
export function normalizedFinding(
  text: AnalyzedText,
  detector: string,
  category: Category,
  redaction: string,
  match: DataMatch,
): Finding {
  return {
    detector,
    category,
    score: round(match.score),
    span: originalSpan(text, match.start, match.end),
    reason: match.reason,
    redaction,
  };
}

export function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}

/**
 * Whether `pattern` matches within `before` characters ahead of [start, end) or `after` characters behind
 * it. The window is sliced first, so context patterns only ever run over a few dozen characters.
 */
export function hasContext(
  text: string,
  start: number,
  end: number,
  pattern: RegExp,
  before: number,
  after = 0,
): boolean {
  if (pattern.test(text.slice(Math.max(0, start - before), start))) return true;
  return after > 0 && pattern.test(text.slice(end, end + after));
}

export const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
export const isLowerLetter = (code: number) => code >= 0x61 && code <= 0x7a;
export const isAlnum = (code: number) =>
  isDigit(code) || isLowerLetter(code) || (code >= 0x41 && code <= 0x5a);
