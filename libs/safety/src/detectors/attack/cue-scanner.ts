import { literalPrefixes } from './literal-prefixes';
import { isWordCode, prefixKey, WordIndex } from './word-index';

export { originalSpan } from '../../normalize';
export { literalPrefixes } from './literal-prefixes';
export { WordIndex } from './word-index';

/**
 * A piece of evidence an attack detector looks for in normalised (lower-case) text. Detectors add the
 * weights of the cues they find as log-odds, so a single weak cue ("pretend", "hypothetical") never decides
 * on its own while several independent ones do — the way a reviewer reads a prompt.
 */
export interface Cue {
  readonly id: string;
  /**
   * Literal substrings, one of which must occur before a cue without triggers runs its pattern over the
   * whole text. `String.includes` is far cheaper than a regular expression over 2 KB.
   */
  readonly anchors: readonly string[];
  /**
   * Word prefixes at which a match can start, derived from the pattern. When known, the pattern runs only
   * at those words (sticky), so a text costs one pass to index its words plus a few anchored matches,
   * instead of one full regular-expression scan per cue.
   */
  readonly triggers: readonly string[] | null;
  readonly pattern: RegExp;
  /** Log-odds this cue adds to the detector's evidence. */
  readonly weight: number;
  /** Cues of one family are alternative phrasings of one idea: only the strongest counts. */
  readonly family: string;
  readonly reason: string;
}

export interface CueHit {
  readonly cue: Cue;
  /** Offsets in the normalised text. */
  readonly start: number;
  readonly end: number;
}

export function cue(
  id: string,
  family: string,
  weight: number,
  anchors: readonly string[],
  pattern: RegExp,
  reason: string,
): Cue {
  const triggers = literalPrefixes(pattern.source);
  const flags = pattern.flags.replace(/[gy]/g, '') + (triggers ? 'y' : 'g');
  return { id, family, weight, anchors, triggers, pattern: new RegExp(pattern.source, flags), reason };
}

/** Every match of every cue, at most `perCue` matches each, in text order. */
export function scanCues(text: string, cues: readonly Cue[], perCue = 2): CueHit[] {
  const hits: CueHit[] = [];
  const table = triggerTable(cues);
  const index = WordIndex.of(text);
  const count = new Int32Array(cues.length);
  const after = new Int32Array(cues.length).fill(-1);
  const { mask, keys, used, from, to, entryCue, entryPrefix } = table;
  // One pass over the words: each word start is looked up once in the table of all the cues' triggers.
  for (let w = 0; w < index.count; w++) {
    const key = index.keys[w];
    let slot = key & mask;
    while (used[slot] === 1 && keys[slot] !== key) slot = (slot + 1) & mask;
    if (used[slot] === 0) continue;
    const at = index.starts[w];
    for (let e = from[slot]; e < to[slot]; e++) {
      const i = entryCue[e];
      if (count[i] >= perCue || at < after[i] || !text.startsWith(entryPrefix[e], at)) continue;
      const pattern = cues[i].pattern;
      pattern.lastIndex = at;
      const match = pattern.exec(text);
      if (!match || match[0].length === 0) continue;
      hits.push({ cue: cues[i], start: at, end: at + match[0].length });
      after[i] = at + match[0].length;
      count[i]++;
    }
  }
  for (const i of table.untriggered) {
    // Cues for other scripts cannot match a text that is all ASCII.
    if (!index.nonAscii && table.nonAsciiOnly[i]) continue;
    scanWhole(text, cues[i], perCue, hits);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * All triggers of a cue list in an open-addressing table over typed arrays: a word's key finds the range
 * of (cue, prefix) entries that may match there in a few array reads.
 */
interface TriggerTable {
  slots: number;
  mask: number;
  keys: Int32Array;
  used: Uint8Array;
  /** Entries of the key in `slot` are `entryCue[from[slot]..to[slot])`. */
  from: Int32Array;
  to: Int32Array;
  entryCue: Int32Array;
  entryPrefix: string[];
  untriggered: number[];
  /** By cue: every anchor is non-ASCII. */
  nonAsciiOnly: boolean[];
}

const tables = new WeakMap<readonly Cue[], TriggerTable>();

/** Built once per cue list (they are module constants) and kept. */
function triggerTable(cues: readonly Cue[]): TriggerTable {
  const cached = tables.get(cues);
  if (cached) return cached;
  const byKey = new Map<number, { cue: number; prefix: string }[]>();
  const untriggered: number[] = [];
  cues.forEach((c, i) => {
    if (!c.triggers) {
      untriggered.push(i);
      return;
    }
    for (const prefix of c.triggers) {
      let word = 0;
      while (word < prefix.length && word < 3 && isWordCode(prefix.charCodeAt(word))) word++;
      const key = prefixKey(prefix, 0, word);
      byKey.set(key, [...(byKey.get(key) ?? []), { cue: i, prefix }]);
    }
  });
  let slots = 16;
  while (slots < byKey.size * 4) slots *= 2;
  const table: TriggerTable = {
    slots,
    mask: slots - 1,
    keys: new Int32Array(slots),
    used: new Uint8Array(slots),
    from: new Int32Array(slots),
    to: new Int32Array(slots),
    entryCue: new Int32Array([...byKey.values()].reduce((n, list) => n + list.length, 0)),
    entryPrefix: [],
    untriggered,
    nonAsciiOnly: cues.map(
      (c) => c.anchors.length > 0 && c.anchors.every((a) => [...a].some((ch) => ch.charCodeAt(0) >= 128)),
    ),
  };
  let next = 0;
  for (const [key, entries] of byKey) {
    let slot = key & table.mask;
    while (table.used[slot] === 1) slot = (slot + 1) & table.mask;
    table.used[slot] = 1;
    table.keys[slot] = key;
    table.from[slot] = next;
    for (const entry of entries) {
      table.entryCue[next] = entry.cue;
      table.entryPrefix[next] = entry.prefix;
      next++;
    }
    table.to[slot] = next;
  }
  tables.set(cues, table);
  return table;
}

function scanWhole(text: string, c: Cue, limit: number, hits: CueHit[]): void {
  if (!hasAnchor(text, c.anchors)) return;
  const pattern = c.pattern;
  pattern.lastIndex = 0;
  let found = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    hits.push({ cue: c, start: match.index, end: match.index + match[0].length });
    if (++found >= limit) break;
  }
}

function hasAnchor(text: string, anchors: readonly string[]): boolean {
  if (anchors.length === 0) return true;
  for (const anchor of anchors) if (text.includes(anchor)) return true;
  return false;
}

/**
 * Log-odds from hits: the strongest cue of each family counts fully, a second family member adds a
 * quarter (rephrasing the same demand is still some extra evidence), further ones nothing.
 */
export function evidence(hits: readonly CueHit[]): number {
  const best = new Map<string, [number, number]>();
  for (const hit of hits) {
    const w = hit.cue.weight;
    const entry = best.get(hit.cue.family);
    if (!entry) best.set(hit.cue.family, [w, 0]);
    else if (w > entry[0]) best.set(hit.cue.family, [w, entry[0]]);
    else if (w > entry[1]) entry[1] = w;
  }
  let total = 0;
  for (const [first, second] of best.values()) total += first + (first > 0 ? 0.25 * second : 0);
  return total;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The hit with the largest weight: the evidence shown to an on-call engineer. */
export function strongest(hits: readonly CueHit[]): CueHit | undefined {
  let best: CueHit | undefined;
  for (const hit of hits) if (!best || hit.cue.weight > best.cue.weight) best = hit;
  return best;
}

/** "a; b; c" of the distinct reasons of the strongest hits, for a finding's reason. */
export function describe(hits: readonly CueHit[], limit = 3): string {
  const reasons: string[] = [];
  for (const hit of [...hits].sort((a, b) => b.cue.weight - a.cue.weight)) {
    if (hit.cue.weight <= 0 || reasons.includes(hit.cue.reason)) continue;
    reasons.push(hit.cue.reason);
    if (reasons.length === limit) break;
  }
  return reasons.join('; ');
}
