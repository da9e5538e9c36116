import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { isAlnum, normalizedFinding, type DataMatch } from './data-finding';

const LOCAL_MAX = 64;
const DOMAIN_MAX = 253;
/** "icon@2x.png" is an image name, not an address. */
const FILE_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'ico',
  'css',
  'js',
  'ts',
  'json',
  'yaml',
  'yml',
  'lock',
  'txt',
  'pdf',
  'zip',
  'tgz',
]);
/** RFC 2606 / 6761 names reserved for documentation and tests. */
const EXAMPLE_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/;
const ROLE_ACCOUNT =
  /^(?:no-?reply|do-?not-?reply|support|info|admin|contact|sales|hello|team|help|git|postmaster|webmaster|abuse|security|privacy|billing|office|careers|jobs|press|marketing)$/;

/**
 * E-mail addresses: a local part, '@' and a domain of at least two labels ending in an alphabetic TLD. Read
 * from the normalised text, so fullwidth or look-alike characters and zero-width splits do not hide one.
 */
export class EmailDetector implements Detector {
  readonly id = 'pii.email';
  readonly directions: readonly Direction[] = ['input', 'output'];

  detect(text: AnalyzedText, _context?: AnalysisContext): Finding[] {
    return findEmails(text.normalized).map((match) =>
      normalizedFinding(text, this.id, 'pii', 'EMAIL', match),
    );
  }
}

export function findEmails(text: string): DataMatch[] {
  const matches: DataMatch[] = [];
  let searchFrom: number;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', searchFrom)) {
    searchFrom = at + 1;
    let start = at;
    while (start > 0 && at - start < LOCAL_MAX && isLocalChar(text.charCodeAt(start - 1))) start--;
    while (start < at && text.charCodeAt(start) === 0x2e) start++;
    let end = at + 1;
    while (end < text.length && end - at <= DOMAIN_MAX && isDomainChar(text.charCodeAt(end))) end++;
    while (end > at + 1 && !isAlnum(text.charCodeAt(end - 1))) end--; // sentence full stop, trailing dash
    const local = text.slice(start, at);
    const domain = text.slice(at + 1, end);
    if (!local || local.endsWith('.') || local.includes('..') || inUrlAuthority(text, start)) continue;
    if (!isValidDomain(domain)) continue;
    searchFrom = end;
    const example = EXAMPLE_DOMAIN.test(domain);
    const role = ROLE_ACCOUNT.test(local);
    matches.push({
      start,
      end,
      score: example ? 0.4 : role ? 0.6 : 0.9,
      reason: example
        ? 'e-mail address at a documentation domain (reserved for examples)'
        : role
          ? 'e-mail address of a role account'
          : 'e-mail address',
    });
  }
  return matches;
}

function isValidDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels)
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
  const tld = labels[labels.length - 1];
  if (!/^(?:[a-z]{2,24}|xn--[a-z0-9-]{2,59})$/.test(tld)) return false;
  return !FILE_EXTENSIONS.has(tld);
}

function isLocalChar(code: number): boolean {
  // Letters, digits and . _ % + - ' as used in real addresses.
  return isAlnum(code) || code === 0x2e || code === 0x5f || code === 0x25 || code === 0x2b || code === 0x2d;
}

function isDomainChar(code: number): boolean {
  return isAlnum(code) || code === 0x2e || code === 0x2d;
}

/** `scheme://user:pass@host`: the '@' belongs to a URL (a credential, reported by the secrets detector). */
function inUrlAuthority(text: string, localStart: number): boolean {
  let at = localStart;
  while (at > 0 && localStart - at < 256 && text.charCodeAt(at - 1) > 0x20) at--;
  return text.slice(at, localStart).includes('://');
}
