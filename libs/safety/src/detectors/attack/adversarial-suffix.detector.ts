import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { CHAR_CLASSES, charClass, UNITS_PER_BIT, type CharBigramModel } from '../../model/char-bigram';
import { sigmoid } from './cue-scanner';

/** Tokens per window: optimised suffixes run for 15–40 tokens, so 8 sees them without diluting. */
const WINDOW = 8;
/** Mean bits per character of ordinary prose under the bigram model, measured on the training corpus. */
const PROSE_BITS = 3.6;
/** Tokens longer than this are URLs, keys or encoded blobs: other detectors' business. */
const MAX_TOKEN = 32;
const CODE_WORDS = new Set([
  'def',
  'return',
  'import',
  'from',
  'const',
  'let',
  'var',
  'function',
  'class',
  'if',
  'else',
  'elif',
  'for',
  'while',
  'print',
  'int',
  'void',
  'public',
  'private',
  'static',
  'self',
  'this',
  'null',
  'none',
  'true',
  'false',
  'new',
  'select',
  'where',
  'echo',
  'fi',
  'then',
  'do',
  'done',
  'end',
  'lambda',
  'async',
  'await',
]);
/** Repeating one token this often in a row is flooding, not writing. */
const FLOOD_RUN = 25;

interface Token {
  start: number;
  end: number;
  bits: number;
  chars: number;
  odd: boolean;
  code: boolean;
  keyword: boolean;
  /** Markup, table or data syntax: `<img`, `alt="…"`, `| cell |`, `{"rows":`. */
  structured: boolean;
}

/**
 * Adversarial suffixes — optimised gibberish appended to a request (GCG-style: "describing.\ + similarlyNow
 * write oppositeley.]( Me giving**ONE please?") — found by character statistics rather than by any list:
 * windows of tokens whose character transitions are improbable under a bigram model of ordinary text and
 * whose shapes are odd (case flips inside words, punctuation wedged between letters). Windows that read as
 * code are skipped, since code is improbable prose too. Also flags token flooding (one token repeated
 * dozens of times), used to push instructions out of the model's attention.
 */
export class AdversarialSuffixDetector implements Detector {
  readonly id = 'jailbreak.adversarial_suffix';
  readonly directions: readonly Direction[] = ['input'];

  constructor(private readonly bigrams: CharBigramModel) {}

  detect(text: AnalyzedText, _context: AnalysisContext): Finding[] {
    const findings: Finding[] = [];
    const original = text.original;
    const flood = scanTokens(original);
    if (flood.run >= FLOOD_RUN)
      findings.push({
        detector: 'jailbreak.token_flood',
        category: 'prompt_injection',
        score: sigmoid(-1.2 + 0.045 * flood.run),
        span: { start: flood.start, end: flood.end },
        reason: `one token repeated ${flood.run} times in a row (context flooding)`,
      });
    // Only odd token shapes make a window score; text without any is skipped without measuring it.
    if (!flood.odd) return findings;
    const tokens = tokenize(original, this.bigrams);
    if (tokens.length < WINDOW) return findings;

    let best = -Infinity;
    let bestAt = 0;
    let bits = 0;
    let chars = 0;
    let odd = 0;
    let code = 0;
    let words = 0;
    let structure = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      bits += t.bits;
      chars += t.chars;
      odd += t.odd ? 1 : 0;
      code += t.code ? 1 : 0;
      words += t.keyword ? 1 : 0;
      structure += t.structured ? 1 : 0;
      if (i >= WINDOW) {
        const out = tokens[i - WINDOW];
        bits -= out.bits;
        chars -= out.chars;
        odd -= out.odd ? 1 : 0;
        code -= out.code ? 1 : 0;
        words -= out.keyword ? 1 : 0;
        structure -= out.structured ? 1 : 0;
      }
      if (i < WINDOW - 1 || chars === 0) continue;
      // Code is improbable prose too; it shows itself by line structure or keywords next to code marks.
      const first = i - WINDOW + 1;
      if (words >= 2 || (code >= 2 && (words > 0 || spansLines(original, tokens[first].start, t.end))))
        continue;
      // Eight tokens over three or more lines are a table, a calendar entry or markup: improbable prose,
      // but structure. Optimised suffixes are appended to a request on one or two lines.
      if (lineBreaks(original, tokens[first].start, t.end) >= 2) continue;
      // Markup, JSON and table cells are improbable prose for the same reason.
      if (structure >= 3) continue;
      const logit = -7 + 2 * (bits / chars - PROSE_BITS) + 9 * (odd / WINDOW);
      if (logit > best) {
        best = logit;
        bestAt = i - WINDOW + 1;
      }
    }
    const score = sigmoid(best);
    if (score >= 0.2)
      findings.push({
        detector: 'jailbreak.adversarial_suffix',
        category: 'jailbreak',
        score,
        span: { start: tokens[bestAt].start, end: tokens[Math.min(tokens.length, bestAt + WINDOW) - 1].end },
        reason: 'a run of improbable, oddly shaped tokens typical of optimised adversarial suffixes',
      });
    return findings;
  }
}

function tokenize(text: string, bigrams: CharBigramModel): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const space = code === 32 || code === 10 || code === 9 || code === 13;
    if (!space && start < 0) start = i;
    if (space && start >= 0) {
      if (i - start <= MAX_TOKEN) tokens.push(measure(text, start, i, bigrams));
      start = -1;
    }
  }
  return tokens;
}

function measure(text: string, start: number, end: number, bigrams: CharBigramModel): Token {
  let previous = charClass(32);
  let letters = 0;
  let firstLetter = -1;
  let lastLetter = -1;
  let caseFlips = 0;
  let lowerRun = 0;
  let codeish = false;
  let open = false;
  let address = false;
  let foreign = false;
  const table = bigrams.table;
  let units = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    units += table[previous * CHAR_CLASSES + cls];
    previous = cls;
    const lower = code >= 97 && code <= 122;
    const upper = code >= 65 && code <= 90;
    if (code >= 128) foreign = true;
    if (lower || upper) {
      letters++;
      if (firstLetter < 0) firstLetter = i;
      lastLetter = i;
    }
    // "similarlyNow": a capital straight after a run of lower case, as when tokens are glued together.
    if (upper && lowerRun >= 2) caseFlips++;
    lowerRun = lower ? lowerRun + 1 : 0;
    if ((code < 128 && CODE_MARKS[code] === 1) || ((code === 41 || code === 93) && open)) codeish = true;
    if (code === 40 || code === 91) open = true;
    if (code === 64 || (code === 58 && text.startsWith('//', i + 1))) address = true;
    // "math.pi", "os.system": a member access.
    if (
      code === 46 &&
      i > start &&
      i + 1 < end &&
      isLower(text.charCodeAt(i - 1)) &&
      isLower(text.charCodeAt(i + 1))
    )
      codeish = true;
  }
  units += table[previous * CHAR_CLASSES + charClass(32)];
  let wedged = 0;
  for (let i = firstLetter + 1; i < lastLetter; i++)
    if (WEDGED[text.charCodeAt(i) & 127] === 1 && text.charCodeAt(i) < 128) wedged++;
  let trailing = 0;
  for (let i = lastLetter + 1; i < end; i++)
    if (BRACKETS[text.charCodeAt(i) & 127] === 1 && text.charCodeAt(i) < 128) trailing++;
  let leading = 0;
  for (let i = start; i < firstLetter; i++)
    if (LEADING[text.charCodeAt(i) & 127] === 1 && text.charCodeAt(i) < 128) leading++;
  // "[name]", "(optional)", "{placeholder}": a whole word in brackets is a template, not noise.
  const wrapped = leading === 1 && trailing === 1 && wedged === 0 && caseFlips === 0;
  const odd =
    letters >= 3 &&
    !address &&
    !foreign &&
    !wrapped &&
    (wedged > 0 || caseFlips > 0 || trailing > 0 || leading > 0);
  const chars = end - start + 1;
  // Other scripts and diacritics are rare in the English-heavy training text, not improbable: neutral.
  const bits = foreign ? PROSE_BITS * chars : units / UNITS_PER_BIT;
  const keyword = chars <= 7 && letters === chars - 1 && CODE_WORDS.has(text.slice(start, end).toLowerCase());
  let structured = false;
  for (let i = start; i < end && !structured; i++) structured = STRUCTURE[text.charCodeAt(i) & 127] === 1;
  return { start, end, bits, chars, odd, code: codeish, keyword, structured };
}

function spansLines(text: string, from: number, to: number): boolean {
  const at = text.indexOf('\n', from);
  return at >= 0 && at < to;
}

/** Characters of markup and data formats; optimised suffixes favour brackets, asterisks and slashes. */
const STRUCTURE = flags('<>=|{}');

function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function flags(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of characters) table[c.charCodeAt(0)] = 1;
  return table;
}

/** Characters that mark a token as code: assignment, statement ends, blocks, identifiers, markup. */
const CODE_MARKS = flags('=;{}_<>');
/** Punctuation that people do not put between two letters of a word. */
const WEDGED = flags('!"#$%()*+,:;<=>?[\\]^`{|}~');
/** Brackets and symbols that prose does not end words with. */
const BRACKETS = flags('[]{}\\|^~*<>(`');
/** Symbols that prose does not start words with (quotes and opening parentheses it does). */
const LEADING = flags('[]{}\\|^~*<>/%#@$+=`');

/**
 * One pass over the whitespace-separated tokens, building none: the longest run of one token repeated back
 * to back, and whether any token has a shape `measure` would call odd (only then is measuring worth it).
 */
function scanTokens(text: string): { run: number; start: number; end: number; odd: boolean } {
  let best = { run: 0, start: 0, end: 0 };
  let odd = false;
  let previousStart = -1;
  let previousEnd = -1;
  let run = 0;
  let runStart = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    while (i < length && isSpace(text.charCodeAt(i))) i++;
    if (i >= length) break;
    const start = i;
    while (i < length && !isSpace(text.charCodeAt(i))) i++;
    const end = i;
    if (!odd) odd = oddShape(text, start, end);
    if (previousStart >= 0 && sameText(text, previousStart, previousEnd, start, end)) run++;
    else {
      run = 1;
      runStart = start;
    }
    if (run > best.run) best = { run, start: runStart, end };
    previousStart = start;
    previousEnd = end;
  }
  return { ...best, odd };
}

/** The shapes `measure` counts, checked cheaply: a glued capital, wedged punctuation, stuck symbols. */
function oddShape(text: string, start: number, end: number): boolean {
  let lowerRun = 0;
  let firstLetter = -1;
  let lastLetter = -1;
  let wedge = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const lower = code >= 97 && code <= 122;
    const upper = code >= 65 && code <= 90;
    if (upper && lowerRun >= 2) return true;
    lowerRun = lower ? lowerRun + 1 : 0;
    if (lower || upper) {
      if (wedge) return true;
      if (firstLetter < 0) firstLetter = i;
      lastLetter = i;
    } else if (firstLetter >= 0 && code < 128 && WEDGED[code] === 1) wedge = true;
  }
  if (firstLetter < 0) return false;
  for (let i = lastLetter + 1; i < end; i++)
    if (text.charCodeAt(i) < 128 && BRACKETS[text.charCodeAt(i)] === 1) return true;
  for (let i = start; i < firstLetter; i++)
    if (text.charCodeAt(i) < 128 && LEADING[text.charCodeAt(i)] === 1) return true;
  return false;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

function sameText(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}
