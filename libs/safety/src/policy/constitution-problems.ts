import { type z } from 'zod';
import { ALLOWED_KEYS } from './constitution-schema';

// Turns validation issues into problems a policy author can act on: the path as they would write it,
// what was expected, and the key or value they probably meant.

export type Path = readonly PropertyKey[];

export interface RawProblem {
  path: Path;
  problem: string;
}

export function describeIssue(issue: z.core.$ZodIssue, input: unknown): RawProblem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(path);
    return issue.keys.map((key) => ({
      path: [...path, key],
      problem: `unknown key${suggest(key, allowed)}${allowed.length > 0 ? `; allowed: ${allowed.join(', ')}` : ''}`,
    }));
  }
  if (issue.code === 'invalid_value') {
    const actual = valueAt(input, path);
    const values = issue.values.filter((v): v is string => typeof v === 'string');
    if (typeof actual === 'string') return [{ path, problem: `${issue.message}${suggest(actual, values)}` }];
  }
  if (issue.code === 'invalid_key') return [{ path, problem: issue.issues[0]?.message ?? issue.message }];
  if (issue.code === 'invalid_type') {
    const actual = valueAt(input, path);
    if (actual === undefined) return [{ path, problem: 'is required' }];
    if (issue.message.startsWith('Invalid input'))
      return [{ path, problem: `expected ${article(issue.expected)}, got ${kindOf(actual)}` }];
  }
  return [{ path, problem: issue.message }];
}

// zod drops an own `__proto__` key without a word; an author deserves to hear that the entry was ignored.
export function reservedKeys(value: unknown, path: PropertyKey[]): RawProblem[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => [
    ...(key === '__proto__' ? [{ path: [...path, key], problem: 'reserved key, not allowed' }] : []),
    ...reservedKeys((value as Record<string, unknown>)[key], [
      ...path,
      Array.isArray(value) ? Number(key) : key,
    ]),
  ]);
}

function allowedKeysAt(path: Path): readonly string[] {
  const [first, , third, , fifth] = path;
  if (path.length === 0) return ALLOWED_KEYS.root;
  if (first === 'defaults' || (first === 'endpoints' && third === 'defaults')) return ALLOWED_KEYS.defaults;
  if (first === 'principles') {
    if (path.length === 2) return ALLOWED_KEYS.principle;
    if (third === 'covers') return ALLOWED_KEYS.covers;
    if (third === 'review') return ALLOWED_KEYS.review;
  }
  if (first === 'endpoints') {
    if (path.length === 2) return ALLOWED_KEYS.endpoint;
    if (path.length === 4) return ALLOWED_KEYS.override;
    if (fifth === 'review') return ALLOWED_KEYS.review;
  }
  return [];
}

/** `principles[3].covers.categories[0]`, `endpoints["support-bot"].disable[1]`. */
export function formatPath(path: Path): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return index === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join('');
}

export function valueAt(input: unknown, path: Path): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${article(typeof value)} (${JSON.stringify(value)?.slice(0, 40)})`;
}

function article(expected: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', boolean: 'true or false' };
  return names[expected] ?? (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);
}

export function suggest(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}
