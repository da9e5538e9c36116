import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding, Span } from '../../types';
import { findCodeRanges, insideAny } from './code-ranges';
import {
  isDangerousUrl,
  isEventHandler,
  readTag,
  SCRIPTING_ELEMENTS,
  URL_ATTRIBUTES,
  type HtmlTag,
} from './html-scanner';
import { assessImageUrl, conversationText } from './image-exfiltration';
import { findMarkdownUrls } from './markdown-links';

export interface UnsafeMarkupOptions {
  /** Hosts whose images are trusted (exact host or any subdomain), e.g. your CDN. */
  allowedImageHosts?: readonly string[];
  /** Directions to check; output by default (what a browser will render). */
  directions?: readonly Direction[];
}

/** Elements whose content runs to their closing tag, or to the end of the text when it is missing. */
const RAW_TEXT = new Set(['script', 'iframe', 'noscript', 'style', 'xmp', 'noembed', 'noframes']);
const IMAGE_ELEMENTS = new Set(['img', 'image', 'video', 'audio', 'source', 'input']);

/**
 * Markup in a model's answer that would run script, load foreign documents, redirect, or carry data out when
 * rendered: script and frame elements, event-handler attributes, javascript:/vbscript:/data:text/html URLs
 * (also entity-encoded or split with tabs), form actions, meta refresh, and images whose URL carries the
 * conversation out. Each finding's span is exactly what the sanitiser must neutralise: a whole element, an
 * attribute, or a URL. Markdown code blocks and code spans are text, not markup, and are skipped.
 */
export class UnsafeMarkupDetector implements Detector {
  readonly id = 'markup.unsafe';
  readonly directions: readonly Direction[];
  private readonly allowedImageHosts: readonly string[];

  constructor(options: UnsafeMarkupOptions = {}) {
    this.directions = options.directions ?? ['output'];
    this.allowedImageHosts = (options.allowedImageHosts ?? []).map((host) => host.toLowerCase());
  }

  detect(text: AnalyzedText, context: AnalysisContext): Finding[] {
    const source = text.original;
    if (!source.includes('<') && !source.includes('](') && !source.includes(']:')) return [];
    const code = findCodeRanges(source);
    const findings: Finding[] = [];
    let conversation: string | undefined;
    const lazyConversation = () => (conversation ??= conversationText(context));
    const add = (span: Span, score: number, reason: string) => {
      if (!insideAny(code, span.start))
        findings.push({ detector: this.id, category: 'unsafe_markup', score, span, reason, sanitize: true });
    };

    const closings = new Map<string, number>();
    for (let at = source.indexOf('<'); at >= 0;) {
      const tag = insideAny(code, at) ? undefined : readTag(source, at);
      if (!tag || tag.closing) {
        at = source.indexOf('<', at + 1);
        continue;
      }
      const next = this.inspectTag(source, tag, add, context, lazyConversation, closings);
      at = source.indexOf('<', next);
    }
    for (const link of findMarkdownUrls(source)) {
      if (isDangerousUrl(link.url))
        add(link.span, 0.9, `Markdown ${link.image ? 'image' : 'link'} to a script URL`);
      else if (link.image) {
        const verdict = assessImageUrl(link.url, context, this.allowedImageHosts, lazyConversation);
        if (verdict) add(link.span, verdict.score, `Markdown ${verdict.reason}`);
      }
    }
    return findings.sort((a, b) => a.span!.start - b.span!.start);
  }

  /** Reports what is unsafe in one start tag; returns where scanning continues. */
  private inspectTag(
    source: string,
    tag: HtmlTag,
    add: (span: Span, score: number, reason: string) => void,
    context: AnalysisContext,
    conversation: () => string,
    closings: Map<string, number>,
  ): number {
    const name = tag.name;
    if (name.includes('<')) {
      // "<scr<script>": browsers read one odd element, but a filter downstream may read a script tag.
      add({ start: tag.start, end: tag.end }, 0.6, 'malformed tag with another tag inside its name');
      return tag.end;
    }
    const attribute = (wanted: string) => tag.attributes.find((a) => a.name === wanted);
    const refresh = name === 'meta' && /refresh/i.test(attribute('http-equiv')?.value ?? '');
    const style =
      name === 'style' &&
      /expression\s*\(|javascript:|@import|url\s*\(\s*['"]?\s*(?:https?:)?\/\//i.test(
        source.slice(tag.end, closingEnd(source, tag, true, closings)),
      );
    if (SCRIPTING_ELEMENTS.has(name) || refresh || style) {
      const end =
        RAW_TEXT.has(name) || name === 'object' || name === 'applet' || name === 'frameset'
          ? closingEnd(source, tag, RAW_TEXT.has(name), closings)
          : tag.end;
      const reason = refresh
        ? 'meta refresh redirects the reader'
        : style
          ? 'style element loading remote resources or script'
          : `<${name}> element runs code or loads a foreign document`;
      add({ start: tag.start, end }, name === 'script' ? 0.95 : 0.85, reason);
      return end;
    }
    for (const attr of tag.attributes) {
      if (isEventHandler(attr.name)) {
        add({ start: attr.start, end: attr.end }, 0.9, `event-handler attribute ${attr.name} on <${name}>`);
      } else if (
        (URL_ATTRIBUTES.has(attr.name) || attr.name === 'srcdoc') &&
        attr.valueEnd > attr.valueStart
      ) {
        const span = { start: attr.valueStart, end: attr.valueEnd };
        if (attr.name === 'srcdoc' || isDangerousUrl(attr.value)) {
          add(span, 0.9, `${attr.name} of <${name}> is a script URL`);
        } else if (name === 'form' && attr.name === 'action') {
          add(span, 0.6, '<form> posting to an address in the answer (phishing risk)');
        } else if (IMAGE_ELEMENTS.has(name) && (attr.name === 'src' || attr.name === 'srcset')) {
          const verdict = assessImageUrl(attr.value.trim(), context, this.allowedImageHosts, conversation);
          if (verdict) add(span, verdict.score, `<${name}> ${verdict.reason}`);
        }
      }
    }
    return tag.end;
  }
}

const CLOSING_TAGS = new Map<string, RegExp>();

/**
 * End of `</name>` after the tag, or the end of the text for raw-text elements left open. The last search
 * per element name is remembered, so a text of a thousand unclosed `<object>` tags is still read once.
 */
function closingEnd(source: string, tag: HtmlTag, rawText: boolean, memo: Map<string, number>): number {
  let close = memo.get(tag.name);
  if (close === undefined || (close >= 0 && close < tag.end)) {
    let pattern = CLOSING_TAGS.get(tag.name);
    if (!pattern) CLOSING_TAGS.set(tag.name, (pattern = new RegExp(`</${tag.name}(?=[\\s/>]|$)`, 'gi')));
    pattern.lastIndex = tag.end;
    close = pattern.exec(source)?.index ?? -1;
    memo.set(tag.name, close);
  }
  if (close < 0) return rawText ? source.length : tag.end;
  const gt = source.indexOf('>', close);
  return gt < 0 ? source.length : gt + 1;
}
