import {
  isDangerousUrl,
  isEventHandler,
  readTag,
  SCRIPTING_ELEMENTS,
  URL_ATTRIBUTES,
  type HtmlAttribute,
} from '../detectors/output/html-scanner';

/** Elements removed whole, content included, when a finding covers them. */
const REMOVED_ELEMENTS = new Set([...SCRIPTING_ELEMENTS, 'meta', 'style', 'xmp', 'noembed', 'noframes']);
const EVENT_HANDLER_ATTRIBUTE = /^on[a-z]+\s*(?:=|$)/i;

/**
 * Neutralises a fragment of markup that the unsafe-markup detector flagged, according to what it is:
 * a scripting element (removed with its content), a start tag (rebuilt without event handlers and with
 * script URLs replaced by `#`), an event-handler attribute (removed), a URL (replaced by `#`). Anything else
 * is escaped as text, which is safe whatever it was.
 */
export function neutralizeMarkup(fragment: string): string {
  if (fragment.startsWith('<')) {
    const tag = readTag(fragment, 0);
    if (tag && !tag.closing && !tag.name.includes('<')) {
      if (REMOVED_ELEMENTS.has(tag.name)) return '';
      if (tag.end === fragment.length) return rebuildTag(fragment, tag.name, tag.attributes);
    }
    return escapeHtml(fragment);
  }
  if (EVENT_HANDLER_ATTRIBUTE.test(fragment)) return '';
  if (!/[\s<>"']/.test(fragment.trim())) return '#';
  return escapeHtml(fragment);
}

function rebuildTag(source: string, name: string, attributes: readonly HtmlAttribute[]): string {
  let rebuilt = `<${source.slice(1, 1 + name.length)}`;
  for (const attribute of attributes) {
    if (isEventHandler(attribute.name) || !/^[a-z][a-z0-9:_.-]*$/.test(attribute.name)) continue;
    const original = source.slice(attribute.start, attribute.end);
    rebuilt +=
      (URL_ATTRIBUTES.has(attribute.name) || attribute.name === 'srcdoc') && isDangerousUrl(attribute.value)
        ? ` ${attribute.name}="#"`
        : ` ${original}`;
  }
  return `${rebuilt}${source.endsWith('/>') ? ' />' : '>'}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
