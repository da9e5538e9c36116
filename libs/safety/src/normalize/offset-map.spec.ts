import { analyzeText } from './analyze-text';

/** Deterministic PRNG (mulberry32): a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces chosen for what they do to offsets: removal, expansion, surrogate pairs, whitespace collapse. */
const ATOMS = [
  ...'abcXYZ019.-@$!,',
  ' ',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '\u200B',
  '\u200D',
  '\u00AD',
  '\uFEFF',
  '\u202E',
  '\u2066',
  '\u{E0041}',
  '\u{E0069}',
  '\u{E007F}',
  'а',
  'Α',
  'і',
  'ο',
  'Ｑ',
  '𝐚',
  '𝓩',
  'ﬁ',
  'ﬃ',
  '…',
  '⑴',
  'ﷺ',
  'ß',
  'İ',
  '\u0301',
  '\u0334',
  '😀',
  '👩‍💻',
  '🏴',
  '中',
  '\uD800',
  '\uDFFF',
  '\u00A0',
  '\u3000',
  '\u2800',
  '\u0007',
];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 40);
  let text = '';
  for (let i = 0; i < length; i++) text += ATOMS[Math.floor(next() * ATOMS.length)];
  return text;
}

const isCodePointBoundary = (text: string, at: number) =>
  at <= 0 ||
  at >= text.length ||
  !((text.charCodeAt(at) & 0xfc00) === 0xdc00 && (text.charCodeAt(at - 1) & 0xfc00) === 0xd800);

describe('analyzeText offset map (property tests over 2,000 random strings)', () => {
  const cases = Array.from({ length: 2_000 }, (_, seed) => randomText(random(seed + 1)));

  // Each property collects counter-examples and asserts once: thousands of expect() calls would be slow.
  it('maps every normalised character to exactly one whole original code point, in order', () => {
    const problems: unknown[] = [];
    for (const text of cases) {
      const analyzed = analyzeText(text);
      let previous = -1;
      for (let k = 0; k < analyzed.normalized.length; k++) {
        const source = analyzed.toOriginalSpan(k, k + 1);
        const whole =
          [...text.slice(source.start, source.end)].length === 1 &&
          isCodePointBoundary(text, source.start) &&
          isCodePointBoundary(text, source.end);
        if (!whole || source.start < previous) problems.push({ text, k, source });
        previous = source.start;
      }
    }
    expect(problems).toEqual([]);
  });

  it('maps every normalised span to an original span that holds exactly its source characters', () => {
    const problems: unknown[] = [];
    const next = random(99);
    for (const text of cases) {
      const analyzed = analyzeText(text);
      const length = analyzed.normalized.length;
      if (length === 0) continue;
      for (let trial = 0; trial < 5; trial++) {
        const start = Math.floor(next() * length);
        const end = start + 1 + Math.floor(next() * (length - start));
        const span = analyzed.toOriginalSpan(start, end);
        const first = analyzed.toOriginalSpan(start, start + 1);
        const last = analyzed.toOriginalSpan(end - 1, end);
        // toOriginal at both ends contains the same characters (possibly with removed ones around them).
        const midExpansion = start > 0 && analyzed.toOriginalSpan(start - 1, start).start === first.start;
        if (
          span.start !== first.start ||
          span.end !== last.end ||
          (!midExpansion && analyzed.toOriginal(start) > span.start) ||
          analyzed.toOriginal(end) < span.end
        )
          problems.push({ text, start, end, span });
      }
    }
    expect(problems).toEqual([]);
  });

  it('produces each normalised character from its source code point, never from a neighbour', () => {
    const problems: unknown[] = [];
    for (const text of cases) {
      const analyzed = analyzeText(text, { leetspeak: false, joinSpacedLetters: false });
      for (let k = 0; k < analyzed.normalized.length; k++) {
        const source = analyzed.toOriginalSpan(k, k + 1);
        const char = analyzed.normalized[k];
        const alone = text.slice(source.start, source.end);
        const folded = analyzeText(alone, { leetspeak: false, decode: false }).normalized;
        // A word in another script keeps its own letters in context (see ScriptWords), so a character is
        // either what the source folds to alone or the source itself, lower-cased.
        const produced =
          char === ' '
            ? /\s/u.test(alone.normalize('NFKC')) || alone === '\u2800'
            : folded.includes(char) || alone.toLowerCase().includes(char);
        if (!produced) problems.push({ text, k, char, alone });
      }
    }
    expect(problems).toEqual([]);
  });

  it('loses no visible character: every code point that is not whitespace or invisible has output', () => {
    const removable = (char: string) => {
      const code = char.codePointAt(0)!;
      return (
        /^\s$/u.test(char) ||
        code === 0x07 ||
        code === 0xad ||
        code === 0xfeff ||
        code === 0x2800 ||
        (code >= 0x200b && code <= 0x200f) ||
        (code >= 0x202a && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069) ||
        (code >= 0x0300 && code <= 0x036f) ||
        (code >= 0xe0000 && code <= 0xe007f)
      );
    };
    const problems: unknown[] = [];
    for (const text of cases) {
      const analyzed = analyzeText(text, { leetspeak: false, joinSpacedLetters: false });
      const covered = new Set<number>();
      for (let k = 0; k < analyzed.normalized.length; k++)
        covered.add(analyzed.toOriginalSpan(k, k + 1).start);
      let at = 0;
      for (const char of text) {
        if (!removable(char) && !covered.has(at)) problems.push({ text, char, at });
        at += char.length;
      }
    }
    expect(problems).toEqual([]);
  });
});
