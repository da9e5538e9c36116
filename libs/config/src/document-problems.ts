import { LineCounter, parseDocument, type Document } from 'yaml';
import { type z } from 'zod';

// Turns zod issues into problems the author of a YAML or JSON document can act on (the field as they
// would write it, what was expected, the key they probably meant), and YAML into values with line numbers
// for those problems. Shared by the constitution, persona, goal-corpus and target-file loaders.

export type Path = readonly PropertyKey[];

export interface Problem {
  readonly path: Path;
  readonly problem: string;
}

/** `success_criteria[1].pattern`, `endpoints["support-bot"].disable[1]`; `(document)` for the whole file. */
export function formatPath(path: Path): string {
  if (path.length === 0) return '(document)';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return index === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join('');
}

/** One problem per issue; an unknown key lists the keys that exist there (`allowed` maps a path to them). */
export function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  allowed: (path: Path) => readonly string[],
): Problem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const keys = allowed(path);
    return issue.keys.map((key) => ({
      path: [...path, key],
      problem: `unknown key${suggest(key, keys)}${keys.length > 0 ? `; allowed: ${keys.join(', ')}` : ''}`,
    }));
  }
  const actual = valueAt(input, path);
  if (actual === undefined && isMissing(input, path)) {
    const expected = issue.message.startsWith('Invalid input') ? '' : `; ${issue.message}`;
    return [{ path, problem: `is required${expected}` }];
  }
  if (issue.code === 'invalid_value') {
    const values = issue.values.filter((v): v is string => typeof v === 'string');
    if (typeof actual === 'string') return [{ path, problem: `${issue.message}${suggest(actual, values)}` }];
  }
  if (issue.code === 'invalid_type') {
    if (issue.message.startsWith('Invalid input'))
      return [{ path, problem: `expected ${article(issue.expected)}, got ${kindOf(actual)}` }];
  }
  return [{ path, problem: issue.message }];
}

// zod drops an own `__proto__` key without a word; an author deserves to hear that the entry was ignored.
export function reservedKeys(value: unknown, path: PropertyKey[] = []): Problem[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => [
    ...(key === '__proto__' ? [{ path: [...path, key], problem: 'reserved key, not allowed' }] : []),
    ...reservedKeys((value as Record<string, unknown>)[key], [
      ...path,
      Array.isArray(value) ? Number(key) : key,
    ]),
  ]);
}

export function valueAt(input: unknown, path: Path): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
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

/** A parsed YAML file: its value, and the line of any path in it (for messages). */
export interface YamlSource {
  readonly value: unknown;
  readonly line: (path: Path) => number | undefined;
}

/** Parses YAML strictly (duplicate keys are errors, few aliases); a syntax error is a problem with its line. */
export function parseYaml(text: string): YamlSource | { readonly problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0)
    return {
      problems: doc.errors.map((error) => ({
        path: [],
        problem: `${error.message.split('\n')[0] ?? error.code} (line ${lineCounter.linePos(error.pos[0]).line})`,
      })),
    };
  try {
    // Aliases can multiply a small document into a huge one ("billion laughs"); data files need few.
    const value: unknown = doc.toJS({ maxAliasCount: 50 });
    return { value, line: (path) => lineOf(doc, lineCounter, path) };
  } catch (error) {
    return { problems: [{ path: [], problem: error instanceof Error ? error.message : 'unreadable YAML' }] };
  }
}

/** `file: path: problem (line n)`, one per line. */
export function formatProblems(
  file: string,
  problems: readonly Problem[],
  line?: (path: Path) => number | undefined,
) {
  return problems
    .map(({ path, problem }) => {
      const at = line?.(path);
      return `${file}: ${formatPath(path)}: ${problem}${at === undefined ? '' : ` (line ${at})`}`;
    })
    .join('\n');
}

/** The line of the deepest node of `path` that exists in the document (for messages). */
export function lineOf(doc: Document, lineCounter: LineCounter, path: Path): number | undefined {
  // The deepest node that exists: a missing key is reported at the mapping that should hold it.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}

function isMissing(input: unknown, path: Path): boolean {
  if (path.length === 0) return input === undefined;
  const parent = valueAt(input, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && !Object.hasOwn(parent, path[path.length - 1]);
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
