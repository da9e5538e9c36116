import { isWordCode } from './word-index';

/**
 * The literal words a pattern's matches can start with, read from its source: `\b(?:ignore|disregard)\s`
 * gives ["ignore", "disregard"]. Null when a match can start with something else (a character class, an
 * optional group, punctuation), and the cue falls back to scanning the whole text.
 */
export function literalPrefixes(source: string): string[] | null {
  const parsed = alternatives(source, 0);
  if (!parsed || parsed.end !== source.length) return null;
  if (parsed.prefixes.some((p) => !isWordCode(p.charCodeAt(0)))) return null;
  const prefixes = [...new Set(parsed.prefixes)].filter(
    (p, _, all) => !all.some((other) => other !== p && p.startsWith(other)),
  );
  return prefixes.length > 0 ? prefixes : null;
}

function alternatives(source: string, at: number): { prefixes: string[]; end: number } | null {
  const prefixes: string[] = [];
  let i = at;
  for (;;) {
    const seq = sequence(source, i);
    if (!seq) return null;
    prefixes.push(...seq.prefixes);
    i = seq.end;
    if (source[i] === '|') {
      i++;
      continue;
    }
    return { prefixes, end: i };
  }
}

const LITERAL = /[a-z0-9_ '’-]/;

/** Prefixes of one alternative; `end` is where the alternative ends (at `|`, `)` or the end). */
function sequence(source: string, at: number): { prefixes: string[]; end: number } | null {
  let literal = '';
  let i = at;
  let result: string[] | null = null;
  while (i < source.length && result === null) {
    const c = source[i];
    if (c === '|' || c === ')') break;
    if (c === '\\' && source[i + 1] === 'b' && literal === '') {
      i += 2;
      continue;
    }
    if (c === '(' && literal === '' && (source.startsWith('(?<=', i) || source.startsWith('(?<!', i))) {
      i = skipGroup(source, i);
      continue;
    }
    if (c === '(' && literal === '') {
      const inner = alternatives(source, source.startsWith('(?:', i) ? i + 3 : i + 1);
      if (!inner || source[inner.end] !== ')') return null;
      const quantifier = source[inner.end + 1];
      if (quantifier === '?' || quantifier === '*' || quantifier === '{') return null;
      result = inner.prefixes;
      i = inner.end + 1;
      break;
    }
    if (LITERAL.test(c)) {
      const next = source[i + 1];
      if (next === '?' || next === '*' || next === '{') break;
      literal += c;
      i++;
      if (next === '+') break;
      continue;
    }
    break;
  }
  if (result === null) {
    // A prefix cut inside a short first word ("ro" of "ro(?:b|bbing)") would only match that short word.
    const word = /^[a-z0-9]*/.exec(literal)![0];
    if (literal.trim() === '' || (word.length < 3 && word.length === literal.length && !atWordEnd(source, i)))
      return null;
    result = [literal.trimEnd()];
  }
  return { prefixes: result, end: skipToAlternativeEnd(source, i) };
}

/** Whether what follows a literal in the source cannot continue the word: `|`, `)`, `\\b`, `\\s`, `['’-]`. */
function atWordEnd(source: string, at: number): boolean {
  return at >= source.length || /^(?:[|) ]|\\[bs]|\[(?:['’"“ -]|\\s))/.test(source.slice(at, at + 3));
}

function skipGroup(source: string, at: number): number {
  let depth = 0;
  for (let i = at; i < source.length; i++) {
    if (source[i] === '\\') {
      i++;
      continue;
    }
    if (source[i] === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      continue;
    }
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

/** From inside an alternative, the offset of the `|` or `)` that ends it at the same nesting level. */
function skipToAlternativeEnd(source: string, at: number): number {
  let depth = 0;
  for (let i = at; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '|' && depth === 0) return i;
  }
  return source.length;
}
