import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * A deterministic random source seeded by a string. Replay depends on it: the same seed gives the same
 * sequence on every machine and Node version, because the state comes from SHA-256 and the generator is
 * pure-rand's xoroshiro128+ (no Math.random anywhere in attack generation).
 */
export class SeededRandom {
  private constructor(
    readonly seed: string,
    private readonly rng: RandomGenerator,
  ) {}

  static from(seed: string): SeededRandom {
    const digest = createHash('sha256').update(seed, 'utf8').digest();
    const state = [0, 4, 8, 12].map((offset) => digest.readInt32BE(offset));
    // xoroshiro's all-zero state is a fixed point; SHA-256 never gives four zero words in practice.
    return new SeededRandom(seed, xoroshiro128plusFromState(state));
  }

  /**
   * An independent stream for one purpose (a mutator, a turn), so adding a random draw in one place does
   * not shift every draw after it: each consumer forks by its own label.
   */
  fork(label: string): SeededRandom {
    return SeededRandom.from(`${this.seed}/${label}`);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): bounds must be integers with min <= max`);
    }
    return uniformInt(this.rng, min, max);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.int(0, 0x3fffffff) / 0x40000000;
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** A new array in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** `count` distinct items (or all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }
}
