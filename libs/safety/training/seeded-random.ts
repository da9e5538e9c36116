/**
 * A small seeded pseudo-random generator (mulberry32) and the template expansion the corpus is written
 * in, so that the same seed always yields the same corpus, on any machine and Node version.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items (fewer if there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    this.shuffle(copy);
    return copy.slice(0, Math.min(count, copy.length));
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /**
   * Expands a template: `{a|b|c}` picks one alternative (nesting allowed, `{|x}` makes x optional) and
   * `<name>` is replaced by `slots.name` (a string, a list to pick from, or a function called each time).
   */
  fill(template: string, slots: Slots = {}): string {
    return expandChoices(this, template).replace(/<([a-z_]+)>/g, (whole, name: string) => {
      const slot = slots[name];
      if (slot === undefined) return whole;
      const value: string =
        typeof slot === 'function' ? slot() : typeof slot === 'string' ? slot : this.pick<string>(slot);
      return this.fill(String(value), slots);
    });
  }
}

export type Slots = Record<string, string | readonly string[] | (() => string)>;

function expandChoices(random: SeededRandom, template: string): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '{') {
      out += c;
      continue;
    }
    let depth = 0;
    let end = i;
    const cuts: number[] = [];
    for (let j = i; j < template.length; j++) {
      if (template[j] === '{') depth++;
      else if (template[j] === '}' && --depth === 0) {
        end = j;
        break;
      } else if (template[j] === '|' && depth === 1) cuts.push(j);
    }
    const bounds = [i, ...cuts, end];
    const k = Math.floor(random.next() * (bounds.length - 1));
    out += expandChoices(random, template.slice(bounds[k] + 1, bounds[k + 1]));
    i = end;
  }
  return out;
}
