/**
 * A set of 32-bit word hashes (`hashWord`) in open addressing over an Int32Array: a probe is a mask and a
 * compare, several times faster than a Set lookup, and the scanners look up every word of a text at least
 * twice. At most half full, so a miss ends after a probe or two.
 */
export class WordHashSet {
  private readonly table: Int32Array;
  private readonly mask: number;
  /** 0 marks an empty slot, so a word whose hash is 0 is remembered apart. */
  private readonly containsZero: boolean;

  constructor(hashes: Iterable<number>) {
    const distinct = new Set<number>();
    for (const hash of hashes) distinct.add(hash | 0);
    this.containsZero = distinct.delete(0);
    let slots = 1024;
    while (slots < distinct.size * 2) slots *= 2;
    this.table = new Int32Array(slots);
    this.mask = slots - 1;
    for (const hash of distinct) {
      let slot = hash & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = hash;
    }
  }

  has(hash: number): boolean {
    hash |= 0;
    if (hash === 0) return this.containsZero;
    const { table, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = table[slot];
      if (stored === hash) return true;
      if (stored === 0) return false;
    }
  }
}
