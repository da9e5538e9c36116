import type { SeededRandom } from '../../random/seeded-random';
import type { MutationContext } from '../../types';

/** What a framing or carrier template gets to work with. */
export interface TemplateInput {
  /** The incoming attack text; templates must include it verbatim so chained encodings survive. */
  readonly text: string;
  /** The goal's subject, for templates that want to sound on-topic. */
  readonly topic: string;
}

/**
 * A template is a function rather than a string with placeholders: `String.replace` would interpret `$&`
 * and friends inside the attack text, and an encoded payload must arrive byte for byte.
 */
export type Template = (input: TemplateInput) => string;

export function pickTemplate(
  rng: SeededRandom,
  templates: readonly Template[],
  input: TemplateInput,
): string {
  return rng.pick(templates)(input);
}

/** The usual shape of a framing mutator's `apply`: one template, chosen by the mutator's own stream. */
export function applyTemplate(
  templates: readonly Template[],
  text: string,
  context: MutationContext,
): string {
  return pickTemplate(context.rng, templates, { text, topic: context.goal.topic });
}
