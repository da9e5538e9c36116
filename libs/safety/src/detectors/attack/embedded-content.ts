/**
 * Finds the parts of a prompt that are data the model is asked to process rather than the user's own words:
 * a document after "summarise this:", quoted text, markup, tables, emails, tool output. Text in those
 * parts that addresses the model is an indirect injection; the same words in the user's own request are not.
 * Works on normalised text and returns normalised offsets.
 */
export interface Region {
  start: number;
  end: number;
  /** Hidden from a human reader (comments, invisible markup): instructions there have no innocent use. */
  hidden: boolean;
}

/** A request to process content: "summarise this email:", "given the following table", "tool output:". */
const TASK_FRAME =
  /\b(?:summari[sz]e|summary of|translate|analy[sz]e|review|classify|categori[sz]e|extract|proofread|paraphrase|rewrite|respond to|reply to|draft a reply to|answer|based on|given|according to|from|read|here is|here['’]s|below is|the following|attached|what is the output of|what does|create action items|action items|sum of|write [^.:]{0,60}? based on|tool (?:output|result|response)|function (?:output|result)|observation|search results?|api response|retrieved|context|document|email|e-mail|webpage|web page|article|transcript|message|table|resume|cv|review|code|snippet|file|data|ticket|note)\b[^:]{0,80}?:\s*/g;

/** "…this paper:", "the following email:", "given these notes:" — a pointer at content, then a colon. */
const CONTENT_POINTER =
  /\b(?:this|these|the following|following|the below|below|the attached|attached|the given|given|my|our|the)\s+(?:[a-z]+\s+){0,2}(?:paper|article|text|document|email|e-mail|webpage|web page|page|resume|cv|review|table|code|snippet|transcript|message|report|data|post|comment|story|essay|abstract|excerpt|passage|file|log|output|function|program|list|transaction|ticket|conversation|chat|notes|letter|description|content|website|wiki(?:pedia)? article)s?\b[^:]{0,60}:\s*/g;
/** Content quoted after a colon and running to the end, apostrophes inside and all. */
const QUOTED_TAIL = /(?<=:\s?)['"“‘][\s\S]{40,}$/g;

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** Line and block comments in code; `#` only after code-ish context so "#1" in prose stays prose. */
const CODE_COMMENT =
  /(?:\/\*[\s\S]*?(?:\*\/|$)|(?:^|[\s;{}()])(?:\/\/|#(?![\d#!]))\s?[^\n<]{3,200}?(?=\s(?:return|def |print\(|import |const |let |var |function |if |for |while |class |[a-z_]+\s*=)|<\/code>|```|$))/g;
/** Markup a browser would not show: hidden elements, zero-size or white text, alt/title/aria attributes. */
const HIDDEN_MARKUP =
  /(?:<[a-z][^>]*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|color\s*:\s*(?:white|#fff(?:fff)?)|opacity\s*:\s*0|hidden)[^>]*>[\s\S]{0,600}?<\/[a-z]+>|\b(?:alt|title|aria-label|data-[a-z-]+)\s*=\s*["'][^"']{12,}["']|<caption>[\s\S]{0,400}?<\/caption>|<meta[^>]{12,}>)/g;
const QUOTED = /(?:'[^']{60,}'|"[^"]{60,}"|“[^”]{60,}”|```[\s\S]{20,}?```|<code>[\s\S]{20,}?<\/code>)/g;
const MARKUP = /<(?:html|body|div|p|table|tr|td|span|head|title|h[1-6]|article|section|img|a)\b/;
const TOOL_JSON =
  /\{\s*"(?:tool|result|results|output|content|observation|response|data|items|snippet|text|body|message)"\s*:/;
const EMAIL_HEADERS = /\b(?:from|to|subject|cc|sent|date|recipient)\s*:\s*\S/;
const TABLE = /\|[^|]{1,80}\|[^|]{1,80}\|/;

export function findRegions(text: string): Region[] {
  const regions: Region[] = [];
  collect(regions, text, HTML_COMMENT, true);
  collect(regions, text, HIDDEN_MARKUP, true);
  collect(regions, text, CODE_COMMENT, true);
  collect(regions, text, QUOTED, false);
  collect(regions, text, QUOTED_TAIL, false);

  // Everything after "summarise this:" is the document, when what follows looks like one.
  for (const pattern of [TASK_FRAME, CONTENT_POINTER]) {
    pattern.lastIndex = 0;
    const frame = pattern.exec(text);
    if (frame && frame.index < 400) {
      const start = frame.index + frame[0].length;
      if (text.length - start >= 40) regions.push({ start, end: text.length, hidden: false });
    }
  }
  // Structured payloads pasted without a frame: markup, tool JSON, emails, tables.
  if (regions.length === 0) {
    for (const structure of [MARKUP, TOOL_JSON, EMAIL_HEADERS, TABLE]) {
      const match = structure.exec(text);
      if (match) {
        regions.push({ start: match.index, end: text.length, hidden: false });
        break;
      }
    }
  }
  return regions;
}

function collect(regions: Region[], text: string, pattern: RegExp, hidden: boolean): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    regions.push({ start: match.index, end: match.index + match[0].length, hidden });
    if (regions.length > 64) return;
  }
}

/** The innermost region holding [start, end), preferring hidden ones. */
export function regionOf(regions: readonly Region[], start: number, end: number): Region | undefined {
  let best: Region | undefined;
  for (const region of regions) {
    if (region.start > start || region.end < end) continue;
    if (!best || (region.hidden && !best.hidden) || region.end - region.start < best.end - best.start)
      best = region;
  }
  return best;
}
