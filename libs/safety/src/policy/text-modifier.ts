import type { Finding } from '../types';

/**
 * What a `modify` decision calls to rewrite the text: the redaction module's `applyModifications`
 * (libs/safety/src/redact) has this shape. The engine depends on the shape, not the module, so it can be
 * wired and tested before that module lands.
 */
export type TextModifier = (
  original: string,
  findings: readonly Finding[],
) => { text: string; applied: readonly unknown[] };

export interface AppliedSpan {
  start: number;
  end: number;
  /** The label written in place of the span, e.g. `EMAIL` or `UNSAFE_MARKUP`. */
  label: string;
  detectors: string[];
}

/**
 * The fallback modifier: replaces each redactable span with `[LABEL]` and removes flagged markup whole,
 * as `[UNSAFE_MARKUP]`. Removing rather than escaping is deliberate: escaping neutralises HTML but not a
 * markdown `javascript:` link, and this fallback cannot know where the text will be rendered.
 * Overlapping spans merge into one, labelled by the first redaction among them.
 */
export const replaceFlaggedSpans: TextModifier = (original, findings) => {
  const spans = findings
    .filter((f) => f.span && (f.redaction || f.sanitize) && f.span.start < f.span.end)
    .map((f) => ({
      start: Math.max(0, f.span!.start),
      end: Math.min(original.length, f.span!.end),
      redaction: f.redaction,
      detector: f.detector,
    }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const applied: AppliedSpan[] = [];
  for (const span of spans) {
    const last = applied[applied.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (last.label === SANITIZED && span.redaction) last.label = span.redaction;
      if (!last.detectors.includes(span.detector)) last.detectors.push(span.detector);
      continue;
    }
    applied.push({
      start: span.start,
      end: span.end,
      label: span.redaction ?? SANITIZED,
      detectors: [span.detector],
    });
  }
  let text = '';
  let position = 0;
  for (const span of applied) {
    text += `${original.slice(position, span.start)}[${span.label}]`;
    position = span.end;
  }
  return { text: text + original.slice(position), applied };
};

const SANITIZED = 'UNSAFE_MARKUP';
