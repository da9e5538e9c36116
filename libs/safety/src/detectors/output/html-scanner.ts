/**
 * A small HTML tag lexer, scoped to what the unsafe-markup detector and the sanitiser need: start tags with
 * their attributes and exact offsets, read the way browsers read them (case-insensitive names, quoted and
 * unquoted values, entities in values, tabs and newlines ignored inside URLs). Linear: one pass per tag.
 */
export interface HtmlAttribute {
  /** Lower-case name. */
  name: string;
  /** The whole attribute, `name="value"`. */
  start: number;
  end: number;
  /** The value without its quotes; equal to `end` for an attribute without a value. */
  valueStart: number;
  valueEnd: number;
  /** The value with character references decoded. */
  value: string;
}

export interface HtmlTag {
  /** Lower-case element name. */
  name: string;
  /** From '<' to just after '>' (or to the end of the text for an unterminated tag). */
  start: number;
  end: number;
  closing: boolean;
  attributes: HtmlAttribute[];
}

const isNameStart = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isSpace = (code: number) =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;

/** Reads the tag whose '<' is at `start`, or returns undefined when no tag starts there. */
export function readTag(text: string, start: number): HtmlTag | undefined {
  let at = start + 1;
  const closing = text[at] === '/';
  if (closing) at++;
  if (!isNameStart(text.charCodeAt(at))) return undefined;
  const nameStart = at;
  while (at < text.length && !isSpace(text.charCodeAt(at)) && text[at] !== '/' && text[at] !== '>') at++;
  const name = text.slice(nameStart, at).toLowerCase();
  const attributes: HtmlAttribute[] = [];
  while (at < text.length) {
    while (at < text.length && (isSpace(text.charCodeAt(at)) || text[at] === '/')) at++;
    if (at >= text.length || text[at] === '>') break;
    const attributeStart = at;
    while (at < text.length && !isSpace(text.charCodeAt(at)) && !'/>='.includes(text[at])) at++;
    if (at === attributeStart) at++; // a stray '=' or quote: skip it as browsers do
    const attributeName = text.slice(attributeStart, at).toLowerCase();
    let probe = at;
    while (probe < text.length && isSpace(text.charCodeAt(probe))) probe++;
    let valueStart = at;
    let valueEnd = at;
    if (text[probe] === '=') {
      at = probe + 1;
      while (at < text.length && isSpace(text.charCodeAt(at))) at++;
      const quote = text[at];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, at + 1);
        valueStart = at + 1;
        valueEnd = close < 0 ? text.length : close;
        at = close < 0 ? text.length : close + 1;
      } else {
        valueStart = at;
        while (at < text.length && !isSpace(text.charCodeAt(at)) && text[at] !== '>') at++;
        valueEnd = at;
      }
    }
    attributes.push({
      name: attributeName,
      start: attributeStart,
      end: at,
      valueStart,
      valueEnd,
      value: decodeCharacterReferences(text.slice(valueStart, valueEnd)),
    });
  }
  return { name, start, end: at < text.length ? at + 1 : text.length, closing, attributes };
}

const NAMED: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  lpar: '(',
  rpar: ')',
  sol: '/',
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  period: '.',
  comma: ',',
  semi: ';',
  excl: '!',
  quest: '?',
  equals: '=',
};
const REFERENCE = /&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|([a-z]{2,8}));?/gi;

/** Numeric and common named character references, with or without the ';' browsers forgive. */
export function decodeCharacterReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(REFERENCE, (whole, hex?: string, decimal?: string, name?: string) => {
    const code = hex !== undefined ? parseInt(hex, 16) : decimal !== undefined ? Number(decimal) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    return NAMED[name!.toLowerCase()] ?? whole;
  });
}

/** Controls are the point here: browsers skip them inside a URL's scheme, so `java\x00script:` runs. */
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\ufeff]/g;
const DANGEROUS_SCHEME =
  /^(?:(?:javascript|vbscript|livescript|mocha):|data:(?:text\/html|text\/javascript|application\/(?:x-)?(?:xhtml\+xml|javascript|ecmascript)|image\/svg\+xml|text\/xml))/;

/**
 * Whether a URL would run script when followed or loaded. Browsers ignore tabs and newlines anywhere in a
 * URL and spaces and control characters around it, so `java\tscript:` and ` javascript:` count too.
 */
export function isDangerousUrl(raw: string): boolean {
  // Drop what browsers drop: C0 controls, spaces and invisible characters anywhere in the scheme.
  const url = decodeCharacterReferences(raw).replace(IGNORED_IN_URL, '').toLowerCase();
  return DANGEROUS_SCHEME.test(url);
}

/** Attributes whose value is fetched or navigated to. */
export const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'background',
  'poster',
  'lowsrc',
  'dynsrc',
  'codebase',
  'cite',
  'longdesc',
  'ping',
  'manifest',
  'srcset',
  'archive',
  'classid',
  'icon',
]);

/** Elements that run code or load a foreign document whatever their attributes: removed entirely. */
export const SCRIPTING_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'noscript',
  'portal',
]);

export const isEventHandler = (name: string) =>
  name.length > 2 && name.startsWith('on') && /^on[a-z]+$/.test(name);
