import { digitCount } from '../../normalize/normalized-text';
import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { hasContext, isAlnum, isDigit, normalizedFinding, type DataMatch } from './data-finding';

/** Issuer identification number ranges and the card lengths each network issues. */
const NETWORKS: readonly { name: string; ranges: readonly [number, number, number][] }[] = [
  // [low, high, prefix digits]; a card matches when its first `digits` digits fall in [low, high].
  { name: 'Visa', ranges: [[4, 4, 1]] },
  {
    name: 'Mastercard',
    ranges: [
      [51, 55, 2],
      [2221, 2720, 4],
    ],
  },
  {
    name: 'American Express',
    ranges: [
      [34, 34, 2],
      [37, 37, 2],
    ],
  },
  {
    name: 'Discover',
    ranges: [
      [6011, 6011, 4],
      [644, 649, 3],
      [65, 65, 2],
      [622126, 622925, 6],
    ],
  },
  {
    name: 'Diners Club',
    ranges: [
      [300, 305, 3],
      [3095, 3095, 4],
      [36, 36, 2],
      [38, 39, 2],
    ],
  },
  { name: 'JCB', ranges: [[3528, 3589, 4]] },
  {
    name: 'UnionPay',
    ranges: [
      [62, 62, 2],
      [81, 81, 2],
    ],
  },
  {
    name: 'Maestro',
    ranges: [
      [5018, 5018, 4],
      [5020, 5020, 4],
      [5038, 5038, 4],
      [5893, 5893, 4],
      [6304, 6304, 4],
      [6759, 6763, 4],
    ],
  },
  { name: 'Mir', ranges: [[2200, 2204, 4]] },
  {
    name: 'RuPay',
    ranges: [
      [60, 60, 2],
      [508, 508, 3],
    ],
  },
  { name: 'Troy', ranges: [[9792, 9792, 4]] },
];
const LENGTHS: Record<string, readonly number[]> = {
  Visa: [13, 16, 19],
  Mastercard: [16],
  'American Express': [15],
  Discover: [16, 17, 18, 19],
  'Diners Club': [14, 15, 16, 17, 18, 19],
  JCB: [16, 17, 18, 19],
  UnionPay: [16, 17, 18, 19],
  Maestro: [13, 14, 15, 16, 17, 18, 19],
  Mir: [16, 17, 18, 19],
  RuPay: [16],
  Troy: [16],
};
/** Numbers published by the networks and payment providers for testing. */
const TEST_NUMBERS = new Set([
  '4111111111111111',
  '4242424242424242',
  '4012888888881881',
  '4000056655665556',
  '5555555555554444',
  '5105105105105100',
  '2223003122003222',
  '378282246310005',
  '371449635398431',
  '6011111111111117',
  '6011000990139424',
  '3056930009020004',
  '36227206271667',
  '3566002020360505',
  '6200000000000005',
]);
const CARD_CONTEXT = /\b(?:card|credit|debit|visa|mastercard|amex|cc|cvv|cvc|expir\w*|exp|pan)\b/;
const NOT_CARD_CONTEXT =
  /\b(?:order|tracking|invoice|account|reference|ref|serial|isbn|imei|phone|tel)\b[^\d]{0,16}$/;

/** Payment card numbers: 13–19 digits in a card layout, a known issuer range for the length, and Luhn. */
export class PaymentCardDetector implements Detector {
  readonly id = 'pii.payment_card';
  readonly directions: readonly Direction[] = ['input', 'output'];

  detect(text: AnalyzedText, _context?: AnalysisContext): Finding[] {
    if (digitCount(text) < 13) return [];
    return findPaymentCards(text.normalized).map((match) =>
      normalizedFinding(text, this.id, 'pii', 'PAYMENT_CARD', match),
    );
  }
}

/** Thirteen or more digits split at most by single spaces or dashes: found natively, then parsed. */
const CANDIDATE = /\d(?:[ -]?\d){12,18}/g;

export function findPaymentCards(text: string): DataMatch[] {
  const matches: DataMatch[] = [];
  CANDIDATE.lastIndex = 0;
  for (let found = CANDIDATE.exec(text); found; found = CANDIDATE.exec(text)) {
    const start = found.index;
    if (start > 0 && isNumberChar(text.charCodeAt(start - 1))) {
      CANDIDATE.lastIndex = skipNumber(text, start);
      continue;
    }
    const run = readDigitGroups(text, start);
    CANDIDATE.lastIndex = Math.max(CANDIDATE.lastIndex, run.end);
    if (!endsCleanly(text, run.end)) continue;
    // "4111 1111 1111 1111 123": a CVV or a year after the number is tried without its last group.
    const candidates = [run];
    if (run.groups.length > 2) candidates.push(dropLastGroup(run));
    for (const candidate of candidates) {
      const match = cardMatch(text, start, candidate);
      if (match) {
        matches.push(match);
        break;
      }
    }
  }
  return matches;
}

interface DigitGroups {
  digits: string;
  groups: number[];
  /** Offset of the end of each group. */
  ends: number[];
  end: number;
}

/** Digit groups split by one space or one dash, the same separator throughout, at most 23 digits. */
function readDigitGroups(text: string, from: number): DigitGroups {
  const groups: number[] = [];
  const ends: number[] = [];
  let digits = '';
  let separator = 0;
  let groupLength = 0;
  let end = from;
  for (; end < text.length && digits.length <= 23; end++) {
    const code = text.charCodeAt(end);
    if (isDigit(code)) {
      digits += text[end];
      groupLength++;
      continue;
    }
    const nextIsDigit = end + 1 < text.length && isDigit(text.charCodeAt(end + 1));
    if ((code === 0x20 || code === 0x2d) && nextIsDigit && (separator === 0 || separator === code)) {
      separator = code;
      groups.push(groupLength);
      ends.push(end);
      groupLength = 0;
      continue;
    }
    break;
  }
  groups.push(groupLength);
  ends.push(end);
  return { digits, groups, ends, end };
}

/** The end of the digits-and-separators run at `from`: a candidate inside a longer number is skipped whole. */
function skipNumber(text: string, from: number): number {
  let at = from;
  while (at < text.length && (isDigit(text.charCodeAt(at)) || text[at] === ' ' || text[at] === '-')) at++;
  return at;
}

function dropLastGroup(run: DigitGroups): DigitGroups {
  const groups = run.groups.slice(0, -1);
  const ends = run.ends.slice(0, -1);
  const kept = groups.reduce((sum, group) => sum + group, 0);
  return { digits: run.digits.slice(0, kept), groups, ends, end: ends[ends.length - 1] };
}

function cardMatch(text: string, start: number, run: DigitGroups): DataMatch | undefined {
  const { digits, groups, end } = run;
  if (digits.length < 13 || digits.length > 19) return undefined;
  if (groups.length > 1 && !isCardLayout(groups)) return undefined;
  const network = networkOf(digits);
  if (!network || !luhn(digits)) return undefined;
  if (hasContext(text, start, end, NOT_CARD_CONTEXT, 40)) return undefined;
  const context = hasContext(text, start, end, CARD_CONTEXT, 40, 30);
  const test = TEST_NUMBERS.has(digits);
  return {
    start,
    end,
    score: test ? 0.85 : context ? 0.97 : 0.95,
    reason: `${network} card number (issuer range and Luhn check digit valid)${test ? ', a published test number' : ''}`,
  };
}

/** 4-4-4-4(-3), 4-6-5 (Amex) and 4-6-4 (Diners), or their shorter 4-4-4-1..3 variants. */
function isCardLayout(groups: readonly number[]): boolean {
  if (groups.length === 3 && groups[0] === 4 && groups[1] === 6 && (groups[2] === 5 || groups[2] === 4))
    return true;
  for (let g = 0; g < groups.length - 1; g++) if (groups[g] !== 4) return false;
  const last = groups[groups.length - 1];
  return last >= 1 && last <= 4;
}

function networkOf(digits: string): string | undefined {
  for (const network of NETWORKS) {
    for (const [low, high, prefixDigits] of network.ranges) {
      const prefix = Number(digits.slice(0, prefixDigits));
      if (prefix >= low && prefix <= high && LENGTHS[network.name].includes(digits.length))
        return network.name;
    }
  }
  return undefined;
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let digit = digits.charCodeAt(i) - 0x30;
    if (double && (digit *= 2) > 9) digit -= 9;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The number is not followed by more of itself: letters, or a decimal point, dash or slash and digits. */
function endsCleanly(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const code = text.charCodeAt(end);
  if (isAlnum(code)) return false;
  return !(isNumberChar(code) && isDigit(text.charCodeAt(end + 1)));
}

function isNumberChar(code: number): boolean {
  return isAlnum(code) || code === 0x2e || code === 0x2d || code === 0x2f || code === 0x2c;
}
