import type { Span } from '../../types';

export interface MarkdownUrl {
  url: string;
  /** The destination only, without the angle brackets or the title. */
  span: Span;
  image: boolean;
}

const MAX_LABEL = 500;
const MAX_URL = 4096;
const REFERENCE_DEFINITION = /^[ ]{0,3}\[[^\]\n]{1,200}\]:[ \t]*<?([^\s>]+)>?/gm;
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/gi;

/**
 * Link and image destinations in Markdown: inline `[text](url)` and `![alt](url)`, reference definitions
 * `[id]: url`, and autolinks `<scheme:…>`. Found from each "](" backwards to its '[', so the scan is linear.
 */
export function findMarkdownUrls(text: string): MarkdownUrl[] {
  const urls: MarkdownUrl[] = [];
  for (let at = text.indexOf(']('); at >= 0;) {
    const open = labelStart(text, at);
    const destination = open < 0 ? undefined : readDestination(text, at + 2);
    if (destination)
      urls.push({
        url: text.slice(destination.start, destination.end),
        span: destination,
        image: text[open - 1] === '!',
      });
    // Continue after the destination: what it contains is part of the URL, and rescanning it is quadratic.
    at = text.indexOf('](', Math.max(at + 2, destination?.end ?? 0));
  }
  if (text.includes(']:')) {
    for (const match of text.matchAll(REFERENCE_DEFINITION)) {
      const start = match.index + match[0].lastIndexOf(match[1]);
      urls.push({ url: match[1], span: { start, end: start + match[1].length }, image: false });
    }
  }
  for (const match of text.matchAll(AUTOLINK)) {
    const start = match.index + 1;
    urls.push({ url: match[1], span: { start, end: start + match[1].length }, image: false });
  }
  return urls;
}

/** The '[' that opens the label closed at `close`, honouring nested brackets; -1 when there is none. */
function labelStart(text: string, close: number): number {
  let depth = 0;
  for (let at = close - 1; at >= 0 && close - at <= MAX_LABEL; at--) {
    const char = text[at];
    if (char === '\n' && text[at - 1] === '\n') return -1;
    if (char === ']' && text[at - 1] !== '\\') depth++;
    else if (char === '[' && text[at - 1] !== '\\') {
      if (depth === 0) return at;
      depth--;
    }
  }
  return -1;
}

/** `(url)`, `(<url>)` or `(url "title")`, with balanced parentheses inside the URL. */
function readDestination(text: string, from: number): Span | undefined {
  let at = from;
  while (text[at] === ' ' || text[at] === '\t') at++;
  if (text[at] === '<') {
    const close = text.indexOf('>', at + 1);
    const newline = text.indexOf('\n', at + 1);
    if (close < 0 || (newline >= 0 && newline < close)) return undefined;
    return { start: at + 1, end: close };
  }
  const start = at;
  let depth = 0;
  for (; at < text.length && at - start < MAX_URL; at++) {
    const code = text.charCodeAt(at);
    if (code <= 0x20) break;
    if (code === 0x28) depth++;
    else if (code === 0x29) {
      if (depth === 0) break;
      depth--;
    }
  }
  return at > start ? { start, end: at } : undefined;
}
