import { crc32 } from 'node:zlib';
import { shannonEntropy } from './entropy';

/** Checks shared by the secret rules: token checksums, placeholders, JWT parts, anchored key search. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * GitHub and npm tokens end in a base62 CRC32 of their random part
 * (github.blog/2021-04-05-behind-githubs-new-authentication-token-formats): a valid checksum means a real
 * token rather than something typed to look like one.
 */
export function hasTokenChecksum(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength, -6);
  let value = 0;
  for (const char of token.slice(-6)) {
    const digit = BASE62.indexOf(char);
    if (digit < 0) return false;
    value = value * 62 + digit;
  }
  return value === crc32(body);
}

/** Repeated characters or a run of x's: a placeholder written in a token's shape. */
export function isPlaceholder(value: string): boolean {
  return (
    shannonEntropy(value) < 2.5 ||
    /x{6,}|X{6,}|\*{4,}|0{8,}|(?:your|example|sample|dummy|fake|test)/i.test(value)
  );
}

export function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs of exactly forty base64 characters (an AWS secret access key's shape) within a window around each
 * match of `anchor`: the shape is too common to look for everywhere, and means something only next to its
 * label. A plain loop: the equivalent regex needs look-behind, which V8 runs slowly.
 */
export function* fortyCharacterRunsNear(text: string, anchor: RegExp): Iterable<RegExpExecArray> {
  const runs = /[A-Za-z0-9+/]{40,}/g;
  let searchedTo = 0;
  for (const found of text.matchAll(anchor)) {
    const from = Math.max(searchedTo, found.index - 200);
    const to = Math.min(text.length, found.index + found[0].length + 240);
    if (to <= from) continue;
    // Whole runs only: never a 40-character piece of a longer value cut at the window's edge.
    runs.lastIndex = from;
    for (let run = runs.exec(text); run && run.index < to; run = runs.exec(text)) {
      const start = run.index;
      const end = start + run[0].length;
      if (
        run[0].length === 40 &&
        text.charCodeAt(end) !== 0x3d &&
        (start === 0 || !isKeyChar(text.charCodeAt(start - 1)))
      )
        yield run;
      searchedTo = end;
    }
    searchedTo = Math.max(searchedTo, to);
  }
}

/** A character of standard base64 without padding: A–Z, a–z, 0–9, '+', '/'. */
function isKeyChar(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2b ||
    code === 0x2f
  );
}
