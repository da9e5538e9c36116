import { digitCount } from '../../normalize/normalized-text';
import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { hasContext, isAlnum, isDigit, normalizedFinding, type DataMatch } from './data-finding';

/** Words that label a telephone number; "call" only as in "call me/us (at/on)", not "call stack". */
const PHONE_CONTEXT =
  /\b(?:phone|tel|telephone|mobile|cell|cellphone|fax|whatsapp|signal|sms|text me|txt|contact|reach me|dial|hotline|call (?:me|us|him|her|them)(?: (?:at|on))?|my number(?: is)?|number is)\b[^\d]{0,12}$|☎|📞/;
const NOT_PHONE_CONTEXT =
  /\b(?:order|invoice|tracking|account|acct|reference|ref|serial|isbn|issn|id|case|ticket|patent|zip|postal|postcode|amount|total|sku|part|model|version|build|batch|lot|iban|card)\b[^\d]{0,12}$|#\s?$/;
const SEPARATORS = ' -./';

interface PhoneShape {
  start: number;
  end: number;
  plus: boolean;
  digits: string;
  groups: number[];
  separators: string;
  parenthesised: boolean;
}

/**
 * Telephone numbers in E.164 (+44 20 7946 0958) and common national layouts ((555) 123-4567, 020 7946 0958,
 * 06 12 34 56 78). Digit counts, group layouts and context separate them from what else is made of digits:
 * dates, IP addresses, versions, card, order and invoice numbers. A bare run of digits is a phone number
 * only next to words like "call" or "phone".
 */
export class PhoneDetector implements Detector {
  readonly id = 'pii.phone';
  readonly directions: readonly Direction[] = ['input', 'output'];

  detect(text: AnalyzedText, _context?: AnalysisContext): Finding[] {
    if (digitCount(text) < 7) return [];
    return findPhones(text.normalized).map((match) =>
      normalizedFinding(text, this.id, 'pii', 'PHONE', match),
    );
  }
}

/**
 * Seven or more digits split by at most two separator characters each, with a '+' or '(' in front: found
 * natively, so the many short figures of a text (years, amounts, counts) cost nothing.
 */
const NUMBER_START = /\+?\(?\d(?:[ ()./-]{0,2}\d){6,}/g;

export function findPhones(text: string): DataMatch[] {
  const matches: DataMatch[] = [];
  NUMBER_START.lastIndex = 0;
  for (let found = NUMBER_START.exec(text); found; found = NUMBER_START.exec(text)) {
    const start = found.index;
    const runEnd = start + found[0].length;
    if (start > 0 && isAttached(text.charCodeAt(start - 1))) {
      NUMBER_START.lastIndex = runEnd;
      continue;
    }
    const shape = readPhone(text, start);
    NUMBER_START.lastIndex = Math.max(runEnd, shape.end);
    const match = judge(text, shape);
    if (match) matches.push(match);
  }
  return matches;
}

function readPhone(text: string, start: number): PhoneShape {
  let at = start;
  const plus = text[at] === '+';
  if (plus) at++;
  let count = 0;
  const groups: number[] = [];
  const groupStarts: number[] = [];
  let separators = '';
  let parenthesised = false;
  let end = at;
  while (at < text.length && groups.length < 8 && count <= 17) {
    const paren = text[at] === '(' && isDigit(text.charCodeAt(at + 1));
    if (paren) at++;
    const groupStart = at;
    while (at < text.length && isDigit(text.charCodeAt(at))) at++;
    if (at === groupStart) break;
    groups.push(at - groupStart);
    groupStarts.push(groupStart);
    count += at - groupStart;
    if (paren) {
      if (text[at] !== ')') break;
      at++;
      parenthesised = true;
    }
    end = at;
    const separator = text[at];
    const afterSeparator = text.charCodeAt(at + 1);
    if (
      SEPARATORS.includes(separator) &&
      (isDigit(afterSeparator) || (afterSeparator === 0x28 && isDigit(text.charCodeAt(at + 2))))
    ) {
      separators += separator;
      at++;
    } else if (!(paren && isDigit(text.charCodeAt(at)))) break;
  }
  // The digits as one string only for runs long enough to be a number at all: most runs are short.
  let digits = '';
  if (count >= 7)
    for (let g = 0; g < groups.length; g++) digits += text.slice(groupStarts[g], groupStarts[g] + groups[g]);
  else digits = '0'.repeat(count);
  return { start, end, plus, digits, groups, separators, parenthesised };
}

function judge(text: string, shape: PhoneShape): DataMatch | undefined {
  const { start, end, groups, separators } = shape;
  const international = shape.plus || (shape.digits.startsWith('00') && shape.digits.length >= 10);
  const digits = shape.plus || !international ? shape.digits : shape.digits.slice(2);
  const count = digits.length;
  // Cheap rejections first: most digit runs in a text are years, amounts and counts.
  if (count < 7 || count > 15) return undefined;
  if (
    end < text.length &&
    (isAlnum(text.charCodeAt(end)) || (SEPARATORS.includes(text[end]) && isDigit(text.charCodeAt(end + 1))))
  )
    return undefined;
  const onlyDots = separators.length > 0 && /^\.+$/.test(separators);
  const layout = groups.join('-');
  // What else is made of digits and separators: dates, IPv4 addresses, versions.
  if (
    groups.length === 3 &&
    /^[-./]+$/.test(separators) &&
    /^(?:4-[12]-[12]|[12]-[12]-(?:2|4))$/.test(layout)
  )
    return undefined;
  if (onlyDots && groups.length === 4 && groups.every((g) => g <= 3)) return undefined;

  let score: number;
  let reason: string;
  if (international) {
    if (count < 8 || digits[0] === '0') return undefined;
    score = 0.85;
    reason = 'telephone number in international (E.164) format';
  } else if (isNanp(digits, layout, shape.parenthesised)) {
    score = 0.8;
    reason = 'telephone number in North American layout';
  } else if (onlyDots && !/^(?:2-2-2-2-2|3-3-4)$/.test(layout)) {
    return undefined; // version numbers and decimal figures
  } else if (digits[0] === '0' && (count === 10 || count === 11) && groups.length >= 2 && digits[1] !== '0') {
    score = 0.7;
    reason = 'telephone number in a national layout with trunk prefix';
  } else if ((groups.length >= 2 || count >= 10) && count <= 12 && !(count > 11 && groups.length === 1)) {
    score = 0.6;
    reason = 'number next to a telephone label';
  } else return undefined;
  if (!international && hasContext(text, start, end, NOT_PHONE_CONTEXT, 30)) return undefined;
  const context = hasContext(text, start, end, PHONE_CONTEXT, 40);
  // A number in no telephone layout is one only when labelled as such.
  if (score === 0.6 && !context) return undefined;
  if (context) score = Math.min(0.95, score + 0.1);
  return { start, end, score, reason };
}

/** NANP: NXX-NXX-XXXX with optional leading 1, area code and exchange starting 2–9. */
function isNanp(digits: string, layout: string, parenthesised: boolean): boolean {
  const national = digits.length === 11 && digits[0] === '1' ? digits.slice(1) : digits;
  if (national.length !== 10 || national[0] < '2' || national[3] < '2') return false;
  return layout === '3-3-4' || layout === '1-3-3-4' || (parenthesised && /^(?:1-)?3-7$/.test(layout));
}

/** A character that makes the digits part of something else: a word, a number, a path, a version. */
function isAttached(code: number): boolean {
  return (
    isAlnum(code) ||
    code === 0x2e ||
    code === 0x2d ||
    code === 0x2f ||
    code === 0x5f ||
    code === 0x2b ||
    code === 0x40 ||
    code === 0x23 ||
    code === 0x24
  );
}
