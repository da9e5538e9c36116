import { HASH_SEED, hashStep, isLexiconHash } from './lexicon';

export interface Rot13Segment {
  start: number;
  end: number;
  decoded: string;
}

/**
 * Runs of words that are gibberish as written but common English after rot13 ("vtaber nyy cerivbhf" →
 * "ignore all previous"). Words that are English as written end a run, so ordinary prose never qualifies:
 * a run needs at least three rot13 hits (or two with one of five letters or more), and at least half of its
 * words up to the last hit must be hits. Fed one word at a time with both hashes, by whichever pass is
 * reading the words anyway, so no string is allocated per word.
 */
export class Rot13Tracker {
  private readonly runs: { start: number; end: number }[] = [];
  private runStart = -1;
  private runEnd = -1;
  private words = 0;
  private wordsToLastHit = 0;
  private hits = 0;
  private longHit = false;

  /** A word of letters at [start, end) with the lexicon hashes of itself and of its rot13. */
  word(start: number, end: number, plain: number, rotated: number): void {
    const plainWord = isLexiconHash(plain);
    const rotWord = isLexiconHash(rotated);
    if (plainWord && !rotWord) return this.breakRun();
    if (this.runStart < 0) {
      if (!rotWord) return; // a run starts at its first rot13 hit
      this.runStart = start;
    }
    this.words++;
    if (rotWord && !plainWord) {
      this.hits++;
      if (end - start >= 5) this.longHit = true;
      this.runEnd = end;
      this.wordsToLastHit = this.words;
    }
  }

  /** A word that is English as written (and so not as rot13: no lexicon word is the rot13 of another). */
  plainWord(): void {
    this.breakRun();
  }

  /** A token that is not a plain word (digits, symbols): counts against the run's share of hits. */
  other(): void {
    if (this.runStart >= 0) this.words++;
  }

  breakRun(): void {
    if (
      this.runStart >= 0 &&
      (this.hits >= 3 || (this.hits >= 2 && this.longHit)) &&
      this.hits * 2 >= this.wordsToLastHit
    )
      this.runs.push({ start: this.runStart, end: this.runEnd });
    this.runStart = -1;
    this.words = 0;
    this.wordsToLastHit = 0;
    this.hits = 0;
    this.longHit = false;
  }

  /** The qualifying runs, in the offsets the words were given in. */
  finish(): { start: number; end: number }[] {
    this.breakRun();
    return this.runs;
  }
}

/** The rot13 runs of a string read on its own (used on decoded payloads). */
export function findRot13(text: string): Rot13Segment[] {
  const tracker = new Rot13Tracker();
  const length = text.length;
  for (let i = 0; i < length;) {
    let c = text.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) {
      if (text.charCodeAt(i) === 0x0a) tracker.breakRun(); // a line break ends a run
      i++;
      continue;
    }
    const start = i;
    let plain = HASH_SEED;
    let rotated = HASH_SEED;
    while (i < length) {
      c = text.charCodeAt(i) | 0x20;
      if (c < 0x61 || c > 0x7a) break;
      plain = hashStep(plain, c);
      rotated = hashStep(rotated, rot13Code(c));
      i++;
    }
    tracker.word(start, i, plain, rotated);
  }
  return tracker.finish().map(({ start, end }) => ({ start, end, decoded: rot13(text.slice(start, end)) }));
}

/** rot13 of a lower-case ASCII letter code. */
export function rot13Code(code: number): number {
  return code <= 0x6d ? code + 13 : code - 13;
}

export function rot13(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lower = code | 0x20;
    codes[i] = lower >= 0x61 && lower <= 0x7a ? code + (lower <= 0x6d ? 13 : -13) : code;
  }
  return codes.length <= 4096
    ? String.fromCharCode.apply(null, codes as unknown as number[])
    : Buffer.from(codes.buffer, 0, codes.byteLength).toString('utf16le');
}
