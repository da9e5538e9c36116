import { RedteamError } from '../redteam-error';

/**
 * A small JSONPath subset for pointing at the reply inside an HTTP target's response: `$`, then any
 * number of `.key`, `['key']` / `["key"]` (any characters, with `\'`, `\"` and `\\` escapes) and `[n]`
 * (an array index; a negative one counts from the end). Nothing else: no wildcards, no recursive
 * descent, no filters, no slices.
 *
 * Why not a JSONPath library: the path comes from a configuration file and walks a reply from a system
 * under attack. The popular implementations evaluate filter and script expressions (`?(@...)`, `(...)`),
 * some with `eval`-like machinery, and return lists where one string is wanted. This subset is a few
 * dozen lines, cannot run code, only reads own properties (so `$.constructor` finds nothing), and says
 * exactly where a path stopped matching.
 */
export type JsonPathSegment = { readonly key: string } | { readonly index: number };

export type JsonPathResult =
  | { readonly found: true; readonly value: unknown }
  /** `at` is the prefix of the path that did match, `node` what it found; `missing` the segment that did not. */
  | { readonly found: false; readonly at: string; readonly missing: string; readonly node: unknown };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*/;

export function parseJsonPath(path: string): JsonPathSegment[] {
  const fail = (at: number, why: string) =>
    new RedteamError('REDTEAM_INVALID_TARGET', `reply_path "${path}" is invalid at position ${at}: ${why}`);
  if (!path.startsWith('$')) throw fail(0, 'it must start with $');
  const segments: JsonPathSegment[] = [];
  let at = 1;
  while (at < path.length) {
    const char = path[at];
    if (char === '.') {
      const name = IDENTIFIER.exec(path.slice(at + 1))?.[0];
      if (!name) throw fail(at + 1, "expected a key name after '.' (use ['...'] for other characters)");
      segments.push({ key: name });
      at += 1 + name.length;
    } else if (char === '[') {
      const quote = path[at + 1];
      if (quote === "'" || quote === '"') {
        let key = '';
        let i = at + 2;
        for (; i < path.length && path[i] !== quote; i++) {
          if (path[i] === '\\') {
            const next = path[i + 1];
            if (next !== quote && next !== '\\') throw fail(i, 'only \\\\ and an escaped quote are allowed');
            key += next;
            i++;
          } else key += path[i];
        }
        if (i >= path.length) throw fail(at, 'unterminated quoted key');
        if (path[i + 1] !== ']') throw fail(i + 1, "expected ']' after the quoted key");
        segments.push({ key });
        at = i + 2;
      } else {
        const digits = /^(-?\d+)\]/.exec(path.slice(at + 1));
        if (!digits?.[1]) throw fail(at + 1, "expected an integer index or a quoted key inside '[...]'");
        const index = Number(digits[1]);
        if (!Number.isSafeInteger(index)) throw fail(at + 1, 'index too large');
        segments.push({ index });
        at += 1 + digits[0].length;
      }
    } else throw fail(at, `unexpected '${char}' (supported: .key, ['key'], [0])`);
  }
  return segments;
}

export function evaluateJsonPath(value: unknown, segments: readonly JsonPathSegment[]): JsonPathResult {
  let current = value;
  let at = '$';
  for (const segment of segments) {
    const text = formatSegment(segment);
    if ('index' in segment) {
      if (!Array.isArray(current)) return { found: false, at, missing: text, node: current };
      const index = segment.index < 0 ? current.length + segment.index : segment.index;
      if (index < 0 || index >= current.length) return { found: false, at, missing: text, node: current };
      current = current[index] as unknown;
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current))
        return { found: false, at, missing: text, node: current };
      if (!Object.prototype.hasOwnProperty.call(current, segment.key))
        return { found: false, at, missing: text, node: current };
      current = (current as Record<string, unknown>)[segment.key];
    }
    at += text;
  }
  return { found: true, value: current };
}

export function formatSegment(segment: JsonPathSegment): string {
  if ('index' in segment) return `[${segment.index}]`;
  return IDENTIFIER.exec(segment.key)?.[0] === segment.key
    ? `.${segment.key}`
    : `['${segment.key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** What a JSON value is, in words, for error messages. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
