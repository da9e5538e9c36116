import { digitCount } from '../../normalize/normalized-text';
import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { isAlnum, isDigit, isLowerLetter, normalizedFinding, type DataMatch } from './data-finding';

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LENGTHS: Record<string, number> = Object.fromEntries(
  (
    'ad24 ae23 al28 at20 az28 ba20 be16 bg22 bh22 bi27 br29 by28 ch21 cr22 cy28 cz24 de22 dj27 dk18 do28 ' +
    'ee20 eg29 es24 fi18 fk18 fo18 fr27 gb22 ge22 gi23 gl18 gr27 gt28 hr21 hu28 ie22 il23 iq23 is26 it27 ' +
    'jo30 kw30 kz20 lb28 lc32 li21 lt20 lu20 lv21 ly25 mc27 md24 me22 mk19 mn20 mr27 mt31 mu30 ni28 nl18 ' +
    'no15 om23 pk24 pl28 ps29 pt25 qa29 ro24 rs22 ru33 sa24 sc31 sd18 se24 si19 sk24 sm27 so23 st25 sv28 ' +
    'tl23 tn24 tr26 ua29 va22 vg24 xk20 ye30'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);
const CANDIDATE = /\b[a-z]{2}\d{2}/g;

/** IBANs: a registered country, that country's exact length, and the ISO 7064 mod-97 check. */
export class IbanDetector implements Detector {
  readonly id = 'pii.iban';
  readonly directions: readonly Direction[] = ['input', 'output'];

  detect(text: AnalyzedText, _context?: AnalysisContext): Finding[] {
    if (digitCount(text) < 8) return [];
    return findIbans(text.normalized).map((match) => normalizedFinding(text, this.id, 'pii', 'IBAN', match));
  }
}

export function findIbans(text: string): DataMatch[] {
  const matches: DataMatch[] = [];
  CANDIDATE.lastIndex = 0;
  for (let found = CANDIDATE.exec(text); found; found = CANDIDATE.exec(text)) {
    const start = found.index;
    const expected = IBAN_LENGTHS[text.slice(start, start + 2)];
    if (expected === undefined) continue;
    // Compact (DE89370400440532013000) or printed in groups of four (DE89 3704 0044 0532 0130 00).
    let compact = text.slice(start, start + 4);
    let end = start + 4;
    while (compact.length < expected && end < text.length) {
      const code = text.charCodeAt(end);
      if (isDigit(code) || isLowerLetter(code)) compact += text[end++];
      else if (code === 0x20 && compact.length % 4 === 0 && isAlnum(text.charCodeAt(end + 1))) end++;
      else break;
    }
    if (compact.length !== expected || (end < text.length && isAlnum(text.charCodeAt(end)))) continue;
    if (!mod97(compact)) continue;
    CANDIDATE.lastIndex = end;
    matches.push({ start, end, score: 0.95, reason: 'IBAN (country length and mod-97 check digits valid)' });
  }
  return matches;
}

/** ISO 7064 MOD 97-10 over the rearranged IBAN, letters as 10–35, computed in chunks to stay exact. */
export function mod97(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    const value = isDigit(code) ? code - 0x30 : code - 0x61 + 10;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}
