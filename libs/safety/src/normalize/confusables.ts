/**
 * Characters that look like Latin letters (or ASCII punctuation) and what they fold to. The full Unicode
 * confusables data is not available offline, so this is the set attackers actually reach for: Cyrillic,
 * Greek, Armenian and Cherokee look-alikes, "fancy text" small capitals and enclosed letters that NFKC
 * leaves alone, Latin letters with strokes that have no canonical decomposition, and typographic punctuation.
 * Fullwidth forms, mathematical alphanumerics, circled letters and ligatures need no entry: NFKC folds them.
 *
 * Entries are keyed by the exact code point, before case folding, because some look-alikes depend on case:
 * Greek capital eta looks like H while small eta looks like n.
 */

/** How a character came to be what detectors see; decides whether it counts as evasion. */
export const FoldKind = {
  /** ASCII as received (only case-folded). */
  Native: 0,
  /** A letter from another script folded to its Latin look-alike (Cyrillic а → a). */
  Script: 1,
  /** A stylised compatibility form of a Latin letter (fullwidth, mathematical, enclosed, small capital). */
  Compat: 2,
  /** A change natural text makes all the time: accents, ligatures, typographic punctuation, strokes. */
  Benign: 3,
  /** A non-ASCII character kept as it is (CJK, Cyrillic letters with no Latin twin...). */
  Other: 4,
  /** A digit or symbol read as a letter (leetspeak), set by the word pass. */
  Leet: 5,
} as const;
export type FoldKind = (typeof FoldKind)[keyof typeof FoldKind];

/**
 * Space-separated pairs: the first code point of each pair is the look-alike, the rest is what it folds to.
 * Kept as strings so the tables stay compact and reviewable.
 */
type PairList = string;

/** Foreign-script look-alikes. Lower-case twins are added automatically unless listed with their own target. */
const SCRIPT: PairList = [
  // Cyrillic
  'Аa аa Вb Сc сc Ԁd ԁd Еe еe Нh нh Һh һh Іi іi Јj јj Кk кk Ӏl ӏl Мm мm пn Оo оo Рp рp Ԛq ԛq Ѕs ѕs',
  'Тt тt Ѵv ѵv Ԝw ԝw Ѡw ѡw Хx хx Уy уy Үy үy Ьb ьb',
  // Greek: capital eta looks like H but small eta like n, hence the exact-case keys
  'Αa αa Βb βb Ϲc ϲc Εe εe Ϝf Ηh ηn Ιi ιi ϳj Κk κk Μm μu Νn νv Οo οo Ρp ρp Τt τt Υy υu γy Χx χx ωw Ζz',
  // Armenian
  'Օo օo Սu սu հh ոn ցg զq աw Լl',
  // Cherokee capitals (their lower-case forms in U+AB70… are added automatically)
  'Ꭺa Ᏼb Ꮯc Ꭰd Ꭼe Ꮐg Ꮋh Ꭵi Ꭻj Ꮶk Ꮮl Ꮇm Ꮲp Ꮢr Ꮪs Ꭲt Ꮩv Ꮃw Ꮓz',
  // Latin letters that pass for others
  'ıi ȷj ɑa ɡg ɩi ǀl ℮e ƅb',
].join(' ');

/** Fancy-text small capitals, which NFKC does not fold. */
const COMPAT: PairList = 'ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz';

/** Natural-language letters with no decomposition to rely on, and typographic punctuation. */
const BENIGN: PairList = [
  'øo Øo łl Łl đd Đd ðd ħh Ħh ŧt ƀb ɨi ßss ẞss æae Æae œoe Œoe',
  '\u2010- \u2011- \u2012- \u2013- \u2014- \u2015- \u2212- \ufe58- \u2044/ \u2215/ \u3002. \u00b7.',
  "\u2018' \u2019' \u201a' \u201b' \u2032' \u02bc' \u201c\" \u201d\" \u201e\" \u201f\" \u2033\"",
].join(' ');

export interface FoldTarget {
  readonly text: string;
  readonly kind: FoldKind;
}

function buildTable(): Map<number, FoldTarget> {
  const table = new Map<number, FoldTarget>();
  const add = (pairs: PairList, kind: FoldKind, withLowerCase: boolean) => {
    const entries = pairs.split(' ').map((pair) => {
      const source = String.fromCodePoint(pair.codePointAt(0)!);
      return [source, pair.slice(source.length)] as const;
    });
    const listed = new Set(entries.map(([source]) => source));
    for (const [source, text] of entries) {
      table.set(source.codePointAt(0)!, { text, kind });
      const lower = source.toLowerCase();
      if (withLowerCase && lower !== source && !listed.has(lower))
        table.set(lower.codePointAt(0)!, { text, kind });
    }
  };
  add(SCRIPT, FoldKind.Script, true);
  add(COMPAT, FoldKind.Compat, true);
  add(BENIGN, FoldKind.Benign, false);
  // The braille blank renders as a space and is used as one to split words invisibly.
  table.set(0x2800, { text: ' ', kind: FoldKind.Benign });
  // Negative circled, negative squared and regional-indicator letters: A–Z in three emoji blocks.
  for (const base of [0x1f150, 0x1f170, 0x1f1e6])
    for (let letter = 0; letter < 26; letter++)
      table.set(base + letter, { text: String.fromCharCode(0x61 + letter), kind: FoldKind.Compat });
  // Parenthesized small letters: NFKC would give "(a)", which splits words apart.
  for (let letter = 0; letter < 26; letter++)
    table.set(0x249c + letter, { text: String.fromCharCode(0x61 + letter), kind: FoldKind.Compat });
  return table;
}

export const CONFUSABLES: ReadonlyMap<number, FoldTarget> = buildTable();

/**
 * Blocks whose NFKC folding to Latin letters is stylisation rather than ordinary typography: fullwidth,
 * letterlike symbols, enclosed alphanumerics, modifier (superscript) letters, mathematical alphanumerics.
 */
export function isStylisedLatinBlock(code: number): boolean {
  return (
    (code >= 0xff01 && code <= 0xff5e) ||
    (code >= 0x2100 && code <= 0x214f) ||
    (code >= 0x2460 && code <= 0x24ff) ||
    (code >= 0x1f100 && code <= 0x1f1ff) ||
    (code >= 0x1d2c && code <= 0x1d6a) ||
    (code >= 0x2090 && code <= 0x209c) ||
    (code >= 0x02b0 && code <= 0x02b8) ||
    (code >= 0x1d400 && code <= 0x1d7ff)
  );
}
