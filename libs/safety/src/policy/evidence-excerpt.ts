import type { Finding, Span } from '../types';

/**
 * A part of the checked text that the engine never shows or sends anywhere verbatim: personal data,
 * secrets and a leaked system prompt carry a `label` (shown as `[LABEL]`); unsafe markup is `sanitize`d
 * before the text goes to an LLM for review. Positions only, never content.
 */
export interface TextMask {
  start: number;
  end: number;
  label?: string;
  sanitize?: boolean;
}

export interface Evidence {
  /** UTF-16 offsets of the finding in the checked text (the whole text for a finding without a span). */
  start: number;
  end: number;
  /** The finding with some context, at most `maxChars` long, with every sensitive span replaced. */
  excerpt: string;
}

export const DEFAULT_EXCERPT_CHARS = 120;

const SENSITIVE_LABEL: Partial<Record<Finding['category'], string>> = {
  pii: 'PII',
  secret: 'SECRET',
  system_prompt_leak: 'SYSTEM_PROMPT',
};

/**
 * Sensitive and sanitisable spans of a report, clamped to the text, sorted by start. Sensitive data
 * without a usable span masks the whole text: what cannot be located cannot be cut out of an excerpt.
 */
export function collectMasks(findings: readonly Finding[], textLength: number): TextMask[] {
  const masks: TextMask[] = [];
  for (const finding of findings) {
    const label = finding.redaction ?? SENSITIVE_LABEL[finding.category];
    if (label === undefined && !finding.sanitize) continue;
    const start = finding.span ? clamp(finding.span.start, textLength) : 0;
    const end = finding.span ? clamp(finding.span.end, textLength) : 0;
    if (start < end) masks.push(label === undefined ? { start, end, sanitize: true } : { start, end, label });
    else if (label !== undefined && textLength > 0) masks.push({ start: 0, end: textLength, label });
  }
  return masks.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Adds a mask for every other occurrence of a labelled span's text inside [from, to): a detector that
 * flagged a key once must not let its second copy through in evidence or in a review request.
 */
export function expandMasks(
  text: string,
  masks: readonly TextMask[],
  from = 0,
  to = text.length,
): TextMask[] {
  const labelled = masks.filter((m) => m.label !== undefined && m.end - m.start >= 4);
  if (labelled.length === 0) return [...masks];
  const expanded = [...masks];
  for (const mask of labelled) {
    const value = text.slice(mask.start, mask.end);
    for (let at = text.indexOf(value, Math.max(0, from - value.length + 1)); at !== -1 && at < to;) {
      if (at !== mask.start) expanded.push({ start: at, end: at + value.length, label: mask.label });
      at = text.indexOf(value, at + 1);
    }
  }
  return expanded.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Evidence for a finding: a window of about `maxChars` around its span, labelled spans replaced by
 * `[LABEL]` (a span reaching into the window is replaced whole, so no part of a secret shows), invisible
 * and bidi control characters shown as `\u{…}` so the excerpt reads as it would to a detector, and never
 * a cut surrogate pair.
 */
export function buildEvidence(
  text: string,
  span: Span | undefined,
  masks: readonly TextMask[],
  maxChars = DEFAULT_EXCERPT_CHARS,
): Evidence {
  const start = span ? clamp(span.start, text.length) : 0;
  const end = span ? Math.max(start, clamp(span.end, text.length)) : text.length;
  let from: number;
  let to: number;
  if (end - start >= maxChars) {
    from = start;
    to = start + maxChars;
  } else {
    from = Math.max(0, start - Math.floor((maxChars - (end - start)) / 2));
    to = Math.min(text.length, from + maxChars);
    from = Math.max(0, to - maxChars);
  }
  if (from > 0 && isLowSurrogate(text, from) && isHighSurrogate(text, from - 1)) from++;
  if (to < text.length && isHighSurrogate(text, to - 1) && isLowSurrogate(text, to)) to--;

  let excerpt = '';
  let position = from;
  for (const mask of expandMasks(text, masks, from, to)) {
    if (mask.label === undefined || mask.end <= position || mask.start >= to) continue;
    excerpt += visible(text.slice(position, Math.max(position, mask.start))) + `[${mask.label}]`;
    position = Math.max(position, mask.end);
  }
  if (position < to) excerpt += visible(text.slice(position, to));
  return { start, end, excerpt: truncate(excerpt, maxChars) };
}

/** Masks a copy of `value` (an LLM's explanation, say) where it repeats a labelled span of `text`. */
export function maskRepeats(value: string, text: string, masks: readonly TextMask[]): string {
  let masked = value;
  for (const mask of masks) {
    if (mask.label === undefined || mask.end - mask.start < 4) continue;
    masked = masked.split(text.slice(mask.start, mask.end)).join(`[${mask.label}]`);
  }
  return masked;
}

// Zero-width characters, bidi controls, BOM, other C0/C1 controls (tab and newline stay) and Unicode tag
// characters: what evasion hides in text, made visible instead of silently reordering the excerpt.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;

function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = isHighSurrogate(text, maxChars - 1) ? maxChars - 1 : maxChars;
  return text.slice(0, cut);
}

function clamp(offset: number, length: number): number {
  return Number.isFinite(offset) ? Math.min(length, Math.max(0, Math.trunc(offset))) : 0;
}

function isHighSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}
