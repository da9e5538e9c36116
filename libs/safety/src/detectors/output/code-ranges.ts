import type { Span } from '../../types';

/**
 * Markdown code: fenced blocks (``` or ~~~) and inline code spans. Markup inside them is shown as text by
 * every Markdown renderer, so an answer that explains `<script>` in a code block is not unsafe markup.
 */
export function findCodeRanges(text: string): Span[] {
  const ranges: Span[] = [];
  if (!text.includes('`') && !text.includes('~~~')) return ranges;
  const fence = /^[ ]{0,3}(`{3,}|~{3,})[^\n]*$/gm;
  let proseFrom = 0;
  for (let open = fence.exec(text); open; open = fence.exec(text)) {
    const marker = open[1];
    if (marker[0] === '`' && open[0].slice(open[0].indexOf(marker) + marker.length).includes('`')) continue;
    addInlineCode(text, proseFrom, open.index, ranges);
    const closing = new RegExp(`^[ ]{0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm');
    closing.lastIndex = open.index + open[0].length;
    const close = closing.exec(text);
    const end = close ? close.index + close[0].length : text.length;
    ranges.push({ start: open.index, end });
    proseFrom = end;
    fence.lastIndex = end;
  }
  addInlineCode(text, proseFrom, text.length, ranges);
  return ranges.sort((a, b) => a.start - b.start);
}

/** `code` spans: a run of n backticks closed by the next run of exactly n, within one paragraph. */
function addInlineCode(text: string, from: number, to: number, ranges: Span[]): void {
  let at = text.indexOf('`', from);
  while (at >= 0 && at < to) {
    let runEnd = at;
    while (runEnd < to && text[runEnd] === '`') runEnd++;
    const length = runEnd - at;
    const paragraphEnd = paragraphEndAfter(text, runEnd, to);
    let close = -1;
    for (let probe = text.indexOf('`', runEnd); probe >= 0 && probe < paragraphEnd;) {
      let probeEnd = probe;
      while (probeEnd < paragraphEnd && text[probeEnd] === '`') probeEnd++;
      if (probeEnd - probe === length) {
        close = probeEnd;
        break;
      }
      probe = text.indexOf('`', probeEnd);
    }
    if (close < 0) {
      at = text.indexOf('`', runEnd);
      continue;
    }
    ranges.push({ start: at, end: close });
    at = text.indexOf('`', close);
  }
}

function paragraphEndAfter(text: string, from: number, to: number): number {
  const blank = text.indexOf('\n\n', from);
  return blank < 0 || blank > to ? to : blank;
}

export function insideAny(ranges: readonly Span[], at: number): boolean {
  for (const range of ranges) {
    if (range.start > at) return false;
    if (at < range.end) return true;
  }
  return false;
}
