import type { Example } from './example';

/*
 * Helpers for writing long slot lists compactly. Prettier puts every element of a long array literal on its
 * own line, which would make a vocabulary of a few hundred entries a file of a few hundred lines; a template
 * literal split here keeps the lists dense and still easy to read and edit.
 */

/** One entry a line; entries may contain `{a|b}` choices and `<slot>` names. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Plain entries separated by `|` or new lines (no template syntax inside an entry). */
export function list(text: string): string[] {
  return text
    .split(/[|\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function benign(text: string, family: string): Example {
  return { text, injection: 0, jailbreak: 0, harmful: 0, family };
}

export function attack(
  text: string,
  family: string,
  heads: { injection?: boolean; jailbreak?: boolean; harmful?: boolean },
): Example {
  return {
    text,
    injection: heads.injection ? 1 : 0,
    jailbreak: heads.jailbreak ? 1 : 0,
    harmful: heads.harmful ? 1 : 0,
    family,
  };
}
