/**
 * Deterministic rewrites that attackers use to slip a prompt past a filter, applied to every row of a
 * labelled set to measure how much of the guard's accuracy survives them. Benign rows are rewritten too:
 * the share of benign rows blocked then says how often the evasion alone is enough to block.
 */
export interface Evasion {
  readonly name: string;
  readonly apply: (text: string) => string;
}

const substitute = (table: Record<string, string>) => (text: string) =>
  text.replace(/[a-z]/gi, (char) => table[char.toLowerCase()] ?? char);

/** Cyrillic letters that look like Latin ones, as homoglyph attacks use them. */
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і' };

export const EVASIONS: readonly Evasion[] = [
  {
    name: 'leetspeak, full (a e i o s t → 4 3 1 0 5 7)',
    apply: substitute({ a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' }),
  },
  { name: 'leetspeak, light (a e o → 4 3 0)', apply: substitute({ a: '4', e: '3', o: '0' }) },
  {
    name: 'Cyrillic look-alikes (a c e i o p x y)',
    apply: (text) => text.replace(/[aceiopxy]/g, (char) => CYRILLIC[char] ?? char),
  },
  {
    name: 'zero-width space after every letter',
    apply: (text) => text.replace(/([a-z])/gi, '$1\u200b'),
  },
  {
    // The hard form of spacing: word boundaries vanish too ("h o w d o i"), so joining is not enough.
    name: 'every letter spaced, words run together',
    apply: (text) => text.replace(/[a-z]+(?: [a-z]+)*/gi, (run) => [...run.replace(/ /g, '')].join(' ')),
  },
];
