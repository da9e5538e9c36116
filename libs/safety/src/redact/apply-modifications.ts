import { SafetyError } from '../normalize/safety-error';
import type { Finding, Span } from '../types';
import { escapeHtml, neutralizeMarkup } from './markup-sanitizer';

export interface AppliedModification {
  /** The finding's detector, or several joined with '+' where overlapping findings were merged. */
  detector: string;
  /** Where in the original text. */
  span: Span;
  replacement: string;
}

export interface ModificationResult {
  text: string;
  applied: AppliedModification[];
}

/** A tag opener left just before a removed element would join what follows into a new tag. */
const DANGLING_OPENER = /<\/?[A-Za-z0-9]{0,16}$/;

/**
 * Applies the `modify` action to the original text: spans of findings with a `redaction` label become
 * `[REDACTED:<label>]`, spans of findings marked `sanitize` are neutralised as markup. Overlapping spans are
 * merged first (a redaction wins over sanitising: nothing of the span survives), spans are widened so no
 * surrogate pair is cut, and findings without a span or with nothing to do are ignored. The result contains
 * nothing the detectors would flag again, so applying detection and modification twice changes nothing more.
 *
 * @throws SafetyError `SAFETY_INVALID_SPAN` for a span outside the text: a redaction that cannot be applied
 * exactly must fail the request rather than let the data through.
 */
export function applyModifications(original: string, findings: readonly Finding[]): ModificationResult {
  const actionable = findings
    .filter((finding) => finding.span && (finding.redaction || finding.sanitize))
    .map((finding) => ({ finding, span: widenToCodePoints(original, validated(original, finding)) }))
    .filter(({ span }) => span.end > span.start)
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);

  const applied: AppliedModification[] = [];
  let text = '';
  let copiedUpTo = 0;
  for (let i = 0; i < actionable.length;) {
    const group = [actionable[i]];
    let end = actionable[i].span.end;
    for (i++; i < actionable.length && actionable[i].span.start < end; i++) {
      group.push(actionable[i]);
      end = Math.max(end, actionable[i].span.end);
    }
    let start = group[0].span.start;
    // The label names the most sensitive thing removed: a secret over personal data, then the surest.
    const redacting = group
      .filter(({ finding }) => finding.redaction)
      .sort(
        (a, b) =>
          Number(b.finding.category === 'secret') - Number(a.finding.category === 'secret') ||
          b.finding.score - a.finding.score ||
          b.span.end - b.span.start - (a.span.end - a.span.start),
      );
    let replacement = redacting.length
      ? `[REDACTED:${redacting[0].finding.redaction}]`
      : neutralizeMarkup(original.slice(start, end));
    if (!redacting.length && replacement === '') {
      const before = DANGLING_OPENER.exec(original.slice(Math.max(copiedUpTo, start - 17), start));
      if (before) {
        start -= before[0].length;
        replacement = escapeHtml(before[0]);
      }
    }
    text += original.slice(copiedUpTo, start) + replacement;
    copiedUpTo = end;
    applied.push({
      detector: [...new Set(group.map(({ finding }) => finding.detector))].join('+'),
      span: { start, end },
      replacement,
    });
  }
  return { text: text + original.slice(copiedUpTo), applied };
}

function validated(original: string, finding: Finding): Span {
  const { start, end } = finding.span!;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > original.length)
    throw new SafetyError(
      'SAFETY_INVALID_SPAN',
      `finding of ${finding.detector} has span [${start}, ${end}) outside the text (length ${original.length})`,
      { details: { detector: finding.detector, start, end, length: original.length } },
    );
  return { start, end };
}

/** Moves a start back and an end forward when they fall between the two halves of a surrogate pair. */
function widenToCodePoints(text: string, { start, end }: Span): Span {
  const splits = (at: number) =>
    at > 0 &&
    at < text.length &&
    (text.charCodeAt(at) & 0xfc00) === 0xdc00 &&
    (text.charCodeAt(at - 1) & 0xfc00) === 0xd800;
  return { start: splits(start) ? start - 1 : start, end: splits(end) ? end + 1 : end };
}
