import { FoldKind } from './confusables';
import type { TextBuffer } from './text-buffer';

/**
 * Words written wholly in another script (Greek, Cyrillic, …) whose letters the character pass folded to
 * Latin look-alikes. Folding is right inside a Latin word ("раураl" with Cyrillic а is evasion) and wrong
 * for a Greek word, which it turns into noise that no detector can read ("αγνοήστε" → "ayvonστe"). A word
 * is given its own letters back when it also holds letters that have no Latin look-alike, or when most of
 * the text is in another script; a lone look-alike word in Latin text stays folded and counts as evasion.
 */
export class ScriptWords {
  private readonly words: number[] = [];

  constructor(private readonly original: string) {}

  add(start: number, end: number, hasOtherLetters: boolean): void {
    this.words.push(start, end, hasOtherLetters ? 1 : 0);
  }

  restore(buffer: TextBuffer, foreignText: boolean): void {
    const { units, starts, kinds } = buffer;
    for (let i = 0; i < this.words.length; i += 3) {
      if (this.words[i + 2] === 0 && !foreignText) continue;
      for (let at = this.words[i]; at < this.words[i + 1]; at++) {
        if ((kinds[at] & 0x7f) !== FoldKind.Script) continue;
        const code = this.original.charCodeAt(starts[at]);
        // Only single-unit letters can be put back in place; the rest stay folded.
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const lower = String.fromCharCode(code).toLowerCase();
        if (lower.length !== 1) continue;
        units[at] = lower.charCodeAt(0);
        kinds[at] = FoldKind.Other;
      }
    }
  }
}
