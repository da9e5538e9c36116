import { digitCount } from '../../normalize/normalized-text';
import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { hasContext, normalizedFinding, type DataMatch } from './data-finding';

/** 123-45-6789, 123 45 6789 or 123456789, not inside a longer number. */
const SSN_SHAPE = /(?<![\d-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\d]|-\d)/g;
const SSN_CONTEXT =
  /\b(?:ssns?|social security(?: number| no)?|soc(?:ial)?\.? ?sec\.?|ss ?#|ss ?no\.?|ss number|taxpayer id(?:entification)?(?: number)?)\b/;
/** Numbers that are SSN-shaped but were never issued or are famous examples. */
const NEVER_ISSUED = new Set(['078051120', '219099999', '123456789', '111111111', '333333333']);

/**
 * US Social Security numbers. Nine digits are too common (order numbers, ZIP+4, phone fragments) to report on
 * shape alone, so a number is reported only next to words like "SSN" or "social security", and must pass the
 * SSA rules: area not 000, 666 or 900–999, group not 00, serial not 0000.
 */
export class SsnDetector implements Detector {
  readonly id = 'pii.ssn';
  readonly directions: readonly Direction[] = ['input', 'output'];

  detect(text: AnalyzedText, _context?: AnalysisContext): Finding[] {
    if (digitCount(text) < 9) return [];
    return findSsns(text.normalized).map((match) => normalizedFinding(text, this.id, 'pii', 'SSN', match));
  }
}

export function findSsns(text: string): DataMatch[] {
  const matches: DataMatch[] = [];
  for (const found of text.matchAll(SSN_SHAPE)) {
    const [whole, area, separator, group, serial] = found;
    const start = found.index;
    const end = start + whole.length;
    if (!hasContext(text, start, end, SSN_CONTEXT, 60, 30)) continue;
    const areaNumber = Number(area);
    if (areaNumber === 0 || areaNumber === 666 || areaNumber >= 900) continue;
    if (group === '00' || serial === '0000') continue;
    const example = NEVER_ISSUED.has(area + group + serial);
    matches.push({
      start,
      end,
      score: example ? 0.5 : separator ? 0.92 : 0.8,
      reason: example
        ? 'SSN-shaped number labelled as an SSN (a well-known never-issued example)'
        : 'US Social Security number next to an SSN label, valid area/group/serial',
    });
  }
  return matches;
}
