import { digitCount } from '../../normalize/normalized-text';
import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { hasContext, normalizedFinding, type DataMatch } from './data-finding';

/** Two prefix letters, six digits (optionally in pairs), suffix A–D: AB 12 34 56 C. */
const NINO_SHAPE = /\b([a-z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([a-d])\b/g;
const INVALID_FIRST = new Set([...'dfiquv']);
const INVALID_SECOND = new Set([...'dfioquv']);
const INVALID_PREFIX = new Set(['bg', 'gb', 'kn', 'nk', 'nt', 'tn', 'zz']);
const NINO_CONTEXT = /\b(?:national insurance|ni (?:no|number)|nino|nin)\b/;

/** UK National Insurance numbers, with HMRC's prefix rules. */
export class UkNinoDetector implements Detector {
  readonly id = 'pii.uk_nino';
  readonly directions: readonly Direction[] = ['input', 'output'];

  detect(text: AnalyzedText, _context?: AnalysisContext): Finding[] {
    if (digitCount(text) < 6) return [];
    return findUkNinos(text.normalized).map((match) =>
      normalizedFinding(text, this.id, 'pii', 'UK_NINO', match),
    );
  }
}

export function findUkNinos(text: string): DataMatch[] {
  const matches: DataMatch[] = [];
  for (const found of text.matchAll(NINO_SHAPE)) {
    const prefix = found[1];
    if (INVALID_FIRST.has(prefix[0]) || INVALID_SECOND.has(prefix[1]) || INVALID_PREFIX.has(prefix)) continue;
    const start = found.index;
    const end = start + found[0].length;
    const context = hasContext(text, start, end, NINO_CONTEXT, 60, 30);
    matches.push({
      start,
      end,
      score: context ? 0.95 : 0.7,
      reason: context
        ? 'UK National Insurance number next to its label'
        : 'UK National Insurance number format with a valid prefix',
    });
  }
  return matches;
}
