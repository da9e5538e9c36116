import type { SeededRandom } from '../../random/seeded-random';

/** A wrapper that places an (already encoded) payload exactly once in otherwise constant prose. */
export type EnvelopeTemplate = (payload: string) => string;

// Rendered into each template once, at construction, to find where its prose ends; it only has to be
// absent from the prose itself.
const SLOT = '\u0000\uFFFFslot\uFFFF\u0000';

interface Shell {
  readonly prefix: string;
  readonly suffix: string;
}

/**
 * Wraps payloads in one of several phrasings and finds them again. Unwrapping matches the known prefix and
 * suffix of each phrasing instead of searching for the payload's alphabet, so it is exact for any payload
 * (ROT13 output can contain every character the prose does).
 */
export class Envelope {
  private readonly shells: readonly Shell[];

  constructor(
    private readonly name: string,
    private readonly templates: readonly EnvelopeTemplate[],
  ) {
    if (templates.length === 0) throw new Error(`Envelope "${name}" has no templates`);
    this.shells = templates.map((template, index) => {
      const parts = template(SLOT).split(SLOT);
      if (parts.length !== 2) {
        throw new Error(`Envelope "${name}" template ${index} must place the payload exactly once`);
      }
      return { prefix: parts[0], suffix: parts[1] };
    });
    // Two shells can both match one text only if their prefixes nest and their suffixes nest too;
    // forbidding that makes the match, and so the payload, unique.
    const nested = (x: string, y: string, at: 'start' | 'end'): boolean =>
      at === 'start' ? x.startsWith(y) || y.startsWith(x) : x.endsWith(y) || y.endsWith(x);
    this.shells.forEach((a, i) =>
      this.shells.forEach((b, j) => {
        if (i < j && nested(a.prefix, b.prefix, 'start') && nested(a.suffix, b.suffix, 'end')) {
          throw new Error(`Envelope "${name}" templates ${i} and ${j} are ambiguous`);
        }
      }),
    );
  }

  wrap(payload: string, rng: SeededRandom): string {
    return rng.pick(this.templates)(payload);
  }

  /** The payload `wrap` was given; throws when the text was not produced by this envelope. */
  unwrap(wrapped: string): string {
    for (const { prefix, suffix } of this.shells) {
      if (
        wrapped.length >= prefix.length + suffix.length &&
        wrapped.startsWith(prefix) &&
        wrapped.endsWith(suffix)
      ) {
        return wrapped.slice(prefix.length, wrapped.length - suffix.length);
      }
    }
    throw new Error(`Text was not produced by the "${this.name}" strategy`);
  }
}
