import type { DecodedSegment, Span } from '../types';
import { BASE64_STANDARD, BASE64_URL_SAFE, ENCODING_CLASS, HEX_DIGIT, MIN_ENCODED_RUN } from './char-classes';
import { findRot13, type Rot13Segment } from './rot13-scanner';

export interface DecodeLimits {
  /** Levels of nesting to follow: 1 decodes what is in the text, 2 also what is inside that (default 2). */
  maxDepth: number;
  /** At most this many segments per text, so a wall of short payloads cannot multiply the work. */
  maxSegments: number;
  /** Longer runs are not decoded (a pasted image, a whole file): bounds the work per check. */
  maxRunLength: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = { maxDepth: 2, maxSegments: 32, maxRunLength: 65_536 };

/** What the normaliser's passes already found in the original, so the first level need not rescan it. */
export interface FirstLevelHints {
  /** Flat (start, end, class) triples of base64/hex alphabet runs. */
  encodedRuns: readonly number[];
  percents: number;
  /** Hex byte pairs followed by a separator, in the normalised text. */
  hexPairs: number;
  rot13: readonly Rot13Segment[];
}

const MIN_HEX_DIGITS = 16;
const MIN_URL_ESCAPES = 3;
const ESCAPED_HEX = /(?:\\x[0-9A-Fa-f]{2}){6,}/g;
const MIN_SEPARATED_BYTES = 6;
const SEPARATED_HEX_HINT = /[0-9A-Fa-f]{2}[ :,][0-9A-Fa-f]{2}[ :,][0-9A-Fa-f]{2}[ :,][0-9A-Fa-f]{2}/;

/**
 * Finds encoded payloads in `text` and decodes them: base64 (standard and URL-safe), hex (plain, `\xNN`,
 * space-separated), URL percent-encoding and rot13. Spans are offsets in `text`; segments found inside a
 * decoded payload carry the span of the outermost payload, the only place they exist in the original.
 */
export function findEncodedPayloads(
  text: string,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
  hints?: FirstLevelHints,
): DecodedSegment[] {
  const found: DecodedSegment[] = [];
  if (limits.maxDepth < 1) return found;
  scan(text, undefined, 1, limits, found, hints);
  return found;
}

function scan(
  text: string,
  parent: Span | undefined,
  depth: number,
  limits: DecodeLimits,
  found: DecodedSegment[],
  hints?: FirstLevelHints,
) {
  const firstNew = found.length;
  const add = (encoding: DecodedSegment['encoding'], start: number, end: number, decoded: string) => {
    if (found.length < limits.maxSegments) found.push({ encoding, span: parent ?? { start, end }, decoded });
  };
  decodeRuns(text, hints?.encodedRuns ?? collectRuns(text), limits, add);
  scanSeparatedHex(text, add, !hints || hints.hexPairs >= MIN_SEPARATED_BYTES - 1);
  if (!hints || hints.percents >= MIN_URL_ESCAPES) scanPercentEncoding(text, add);
  for (const segment of hints?.rot13 ?? findRot13(text))
    add('rot13', segment.start, segment.end, segment.decoded);
  if (depth >= limits.maxDepth) return;
  // What is inside each payload, found once per distinct payload and reported at the outer span.
  const inside = new Map<string, DecodedSegment[]>();
  for (const segment of found.slice(firstNew)) {
    let nested = inside.get(segment.decoded);
    if (!nested) {
      nested = [];
      scan(segment.decoded, undefined, depth + 1, limits, nested);
      inside.set(segment.decoded, nested);
    }
    for (const inner of nested)
      if (found.length < limits.maxSegments) found.push({ ...inner, span: parent ?? segment.span });
  }
}

type Add = (encoding: DecodedSegment['encoding'], start: number, end: number, decoded: string) => void;

/** Maximal runs of base64-alphabet characters, as flat (start, end, class intersection) triples. */
function collectRuns(text: string): number[] {
  const runs: number[] = [];
  const length = text.length;
  for (let i = 0; i < length;) {
    const c = text.charCodeAt(i);
    if (c >= 128 || ENCODING_CLASS[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    let intersection = BASE64_STANDARD | BASE64_URL_SAFE | HEX_DIGIT;
    for (; i < length; i++) {
      const d = text.charCodeAt(i);
      const k = d < 128 ? ENCODING_CLASS[d] : 0;
      if (k === 0) break;
      intersection &= k;
    }
    if (i - start >= MIN_ENCODED_RUN) runs.push(start, i, intersection);
  }
  return runs;
}

/** Each run as hex when it decodes as hex, else as base64 when that decodes to text. */
function decodeRuns(text: string, runs: readonly number[], limits: DecodeLimits, add: Add): void {
  // Many-shot and copy-paste attacks repeat one payload: each distinct run is decoded once.
  const seen = runs.length > 6 ? new Map<string, [DecodedSegment['encoding'], string] | null>() : undefined;
  for (let r = 0; r < runs.length; r += 3) {
    const start = runs[r];
    const end = runs[r + 1];
    const intersection = runs[r + 2];
    const runLength = end - start;
    if (runLength > limits.maxRunLength) continue;
    // A run mixing '+/' with '-_' is a path or an identifier, not one encoding.
    if ((intersection & (BASE64_STANDARD | BASE64_URL_SAFE)) === 0) continue;
    const source = seen ? text.slice(start, end) : undefined;
    const known = source === undefined ? undefined : seen!.get(source);
    if (known !== undefined) {
      if (known) add(known[0], start, known[0] === 'base64' ? paddedEnd(text, end) : end, known[1]);
      continue;
    }
    const result = decodeRun(text, start, end, intersection);
    if (source !== undefined) seen!.set(source, result ?? null);
    if (result) add(result[0], start, result[0] === 'base64' ? paddedEnd(text, end) : end, result[1]);
  }
}

function paddedEnd(text: string, end: number): number {
  let padded = end;
  while (padded < text.length && padded - end < 2 && text.charCodeAt(padded) === 0x3d) padded++; // '='
  return padded;
}

/** One run as hex when it decodes as hex, else as base64 when that decodes to text. */
function decodeRun(
  text: string,
  start: number,
  end: number,
  intersection: number,
): [DecodedSegment['encoding'], string] | undefined {
  const runLength = end - start;
  {
    if ((intersection & HEX_DIGIT) !== 0 && runLength >= MIN_HEX_DIGITS && runLength % 2 === 0) {
      const decoded = printable(Buffer.from(text.slice(start, end), 'hex'));
      if (decoded !== undefined) return ['hex', decoded];
    }
    if (runLength % 4 === 1) return undefined;
    const decoded = printable(Buffer.from(text.slice(start, end), 'base64'));
    return decoded === undefined ? undefined : ['base64', decoded];
  }
}

function scanSeparatedHex(text: string, add: Add, separatedPairsPossible: boolean): void {
  if (text.includes('\\x')) {
    for (const match of text.matchAll(ESCAPED_HEX)) {
      const decoded = printable(Buffer.from(match[0].replace(/\\x/g, ''), 'hex'));
      if (decoded !== undefined) add('hex', match.index, match.index + match[0].length, decoded);
    }
  }
  // Byte pairs split by one space, colon or comma ("69 67 6e 6f 72 65"). A regex finds whether three such
  // pairs occur at all (ordinary prose: no); the loop then finds the full runs.
  if (!separatedPairsPossible || !SEPARATED_HEX_HINT.test(text)) return;
  const length = text.length;
  for (let i = 0; i + 2 < length; i++) {
    if (!isHex(text.charCodeAt(i)) || (i > 0 && isHex(text.charCodeAt(i - 1)))) continue;
    let end = i;
    let pairs = 0;
    while (
      end + 1 < length &&
      isHex(text.charCodeAt(end)) &&
      isHex(text.charCodeAt(end + 1)) &&
      !(end + 2 < length && isHex(text.charCodeAt(end + 2)))
    ) {
      pairs++;
      end += 2;
      if (!(end + 1 < length && isSeparator(text.charCodeAt(end)) && isHex(text.charCodeAt(end + 1)))) break;
      end++;
    }
    if (end > i && isSeparator(text.charCodeAt(end - 1))) end--;
    if (pairs >= MIN_SEPARATED_BYTES) {
      const run = text.slice(i, end);
      const decoded = printable(Buffer.from(run.replace(/[ :,]/g, ''), 'hex'));
      if (decoded !== undefined) add('hex', i, end, decoded);
    }
    if (end > i) i = end;
  }
}

function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0x3a || code === 0x2c;
}

/** Whitespace-delimited runs holding several %XX escapes. */
function scanPercentEncoding(text: string, add: Add): void {
  let from = 0;
  for (let at = text.indexOf('%'); at >= 0; at = text.indexOf('%', from)) {
    let start = at;
    while (start > from && !isDelimiter(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < text.length && !isDelimiter(text.charCodeAt(end))) end++;
    from = Math.max(end, at + 1);
    const run = text.slice(start, end);
    const bytes = percentDecode(run);
    if (bytes === undefined) continue;
    const decoded = printable(bytes);
    if (decoded !== undefined && decoded !== run) add('url', start, end, decoded);
  }
}

function isDelimiter(code: number): boolean {
  return code <= 0x20 || code === 0x22 || code === 0x27 || code === 0x3c || code === 0x3e || code === 0x60;
}

function percentDecode(run: string): Buffer | undefined {
  let escapes = 0;
  const bytes: number[] = [];
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c === 0x25 && i + 2 < run.length && isHex(run.charCodeAt(i + 1)) && isHex(run.charCodeAt(i + 2))) {
      bytes.push(parseInt(run.slice(i + 1, i + 3), 16));
      escapes++;
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else for (const byte of Buffer.from(run[i], 'utf8')) bytes.push(byte);
  }
  return escapes >= MIN_URL_ESCAPES ? Buffer.from(bytes) : undefined;
}

function isHex(code: number): boolean {
  return code < 128 && (ENCODING_CLASS[code] & HEX_DIGIT) !== 0;
}

/**
 * The bytes as text when they are valid UTF-8 and read as text: almost all printable, and mostly letters,
 * digits and spaces. Random and binary data (keys, images, hashes) fails one test or the other. Checked on
 * the bytes first: most candidates are binary, and a throwing UTF-8 decoder made rejection expensive.
 */
function printable(bytes: Buffer): string | undefined {
  const length = bytes.length;
  if (length < 6) return undefined;
  let control = 0;
  let wordy = 0;
  let characters = 0;
  for (let i = 0; i < length;) {
    const byte = bytes[i];
    characters++;
    if (byte < 0x80) {
      if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) control++;
      else if (
        byte === 0x20 ||
        (byte >= 0x30 && byte <= 0x39) ||
        ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a)
      )
        wordy++;
      i++;
      continue;
    }
    // A multi-byte sequence: lead byte, then 1–3 continuation bytes; overlong and surrogate forms rejected.
    const extra =
      byte >= 0xc2 && byte <= 0xdf
        ? 1
        : byte >= 0xe0 && byte <= 0xef
          ? 2
          : byte >= 0xf0 && byte <= 0xf4
            ? 3
            : -1;
    if (extra < 0 || i + extra >= length) return undefined;
    for (let k = 1; k <= extra; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return undefined;
    const second = bytes[i + 1];
    if (
      (byte === 0xe0 && second < 0xa0) ||
      (byte === 0xed && second > 0x9f) ||
      (byte === 0xf0 && second < 0x90) ||
      (byte === 0xf4 && second > 0x8f)
    )
      return undefined;
    wordy++;
    i += extra + 1;
  }
  if (control > characters * 0.05 || wordy < characters * 0.6) return undefined;
  return bytes.toString('utf8');
}
