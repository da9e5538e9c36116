import { digitCount } from '../../normalize/normalized-text';
import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { hasContext, normalizedFinding, type DataMatch } from './data-finding';

const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/g;
/** "version 10.0.0.1", "v1.2.3.4", "release 4.1.0.12": version numbers, not addresses. */
/** "version 10.0.0.1", "v1.2.3.4", "release 4.1.0.12", "Version history: 1.0.0, 1.2.3.4": versions. */
const VERSION_CONTEXT =
  /(?:\bv|\b(?:versions?|ver|releases?|released|build|rev|revision|history|changelog|firmware|sdk|update|upgrade|patch|tag|nuget|npm|pip)\b.{0,30}?)\s?$/;
const VERSION_SUFFIX = /^(?:-(?:alpha|beta|rc|dev|pre|snapshot)|\+build|\s(?:build|release|version)\b)/;

/**
 * IPv4 and IPv6 addresses. Public addresses are personal data in much of the world; private, loopback,
 * link-local and documentation ranges identify no one and score low. Version strings are not addresses.
 */
export class IpAddressDetector implements Detector {
  readonly id = 'pii.ip_address';
  readonly directions: readonly Direction[] = ['input', 'output'];

  detect(text: AnalyzedText, _context?: AnalysisContext): Finding[] {
    const digits = digitCount(text);
    if (digits === 0) return [];
    const normalized = text.normalized;
    const v6 = findIpv6(normalized);
    // An IPv4-mapped IPv6 address (::ffff:192.0.2.1) is one address, reported once.
    const v4 = (digits >= 4 ? findIpv4(normalized) : []).filter(
      (m) => !v6.some((outer) => outer.start <= m.start && m.end <= outer.end),
    );
    return [...v4, ...v6].map((match) => normalizedFinding(text, this.id, 'pii', 'IP_ADDRESS', match));
  }
}

export function findIpv4(text: string): DataMatch[] {
  const matches: DataMatch[] = [];
  if (!text.includes('.')) return matches;
  for (const found of text.matchAll(IPV4)) {
    const octets = found.slice(1, 5);
    if (octets.some((octet) => Number(octet) > 255 || (octet.length > 1 && octet.startsWith('0')))) continue;
    const start = found.index;
    const end = start + found[0].length;
    if (hasContext(text, start, end, VERSION_CONTEXT, 40) || VERSION_SUFFIX.test(text.slice(end, end + 9)))
      continue;
    const [a, b, c] = octets.map(Number);
    const internal =
      a === 10 ||
      a === 127 ||
      a === 0 ||
      a >= 224 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 192 && b === 0 && c === 2) ||
      (a === 198 && b === 51 && c === 100) ||
      (a === 203 && b === 0 && c === 113) ||
      (a === 198 && (b === 18 || b === 19));
    matches.push({
      start,
      end,
      score: internal ? 0.2 : 0.6,
      reason: internal
        ? 'IPv4 address in a private, loopback, reserved or documentation range'
        : 'public IPv4 address',
    });
  }
  return matches;
}

export function findIpv6(text: string): DataMatch[] {
  const matches: DataMatch[] = [];
  let from = 0;
  for (let colon = text.indexOf(':', from); colon >= 0; colon = text.indexOf(':', from)) {
    let start = colon;
    while (start > 0 && isAddressChar(text.charCodeAt(start - 1))) start--;
    let end = colon;
    while (end < text.length && isAddressChar(text.charCodeAt(end))) end++;
    from = end + 1;
    while (end > start && text[end - 1] === '.') end--; // a sentence's full stop
    // Not part of a longer word (std::vector, 12:30pm, a URL port).
    if ((start > 0 && /[\w]/.test(text[start - 1])) || (end < text.length && /[\w]/.test(text[end])))
      continue;
    const address = text.slice(start, end);
    const groups = parseIpv6(address);
    if (!groups) continue;
    const internal =
      groups[0] === 0 ||
      (groups[0] & 0xffc0) === 0xfe80 ||
      (groups[0] & 0xfe00) === 0xfc00 ||
      (groups[0] & 0xff00) === 0xff00 ||
      (groups[0] === 0x2001 && groups[1] === 0x0db8);
    matches.push({
      start,
      end,
      score: internal ? 0.2 : 0.6,
      reason: internal
        ? 'IPv6 address in a loopback, link-local, unique-local, multicast or documentation range'
        : 'public IPv6 address',
    });
  }
  return matches;
}

/**
 * The eight 16-bit groups of a textual IPv6 address (RFC 4291, with an optional trailing IPv4), or undefined.
 * Requires three written groups and a digit, so "dead::beef" prose and "a::b" code do not qualify.
 */
export function parseIpv6(address: string): number[] | undefined {
  if (!/\d/.test(address) || address.indexOf('::') !== address.lastIndexOf('::')) return undefined;
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const octets = piece.split('.');
        if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255))
          return undefined;
        groups.push(
          (Number(octets[0]) << 8) | Number(octets[1]),
          (Number(octets[2]) << 8) | Number(octets[3]),
        );
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) groups.push(parseInt(piece, 16));
      else return undefined;
    }
    return groups;
  };
  const first = parse(head);
  const second = tail === undefined ? [] : parse(tail);
  if (!first || !second) return undefined;
  const written = first.length + second.length;
  if (written < 3) return undefined;
  if (tail === undefined) return written === 8 ? first : undefined;
  if (written > 7) return undefined;
  return [...first, ...new Array<number>(8 - written).fill(0), ...second];
}

/** Hex digits, ':' and '.' (the normalised text is lower case). */
function isAddressChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x3a) || (code >= 0x61 && code <= 0x66) || code === 0x2e;
}
