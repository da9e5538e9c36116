import type { MutationContext } from '../../types';
import type { Mutator } from '../strategy';
import { IndirectCodeMutator } from './indirect-code.mutator';
import { IndirectDocumentMutator } from './indirect-document.mutator';
import { IndirectEmailMutator } from './indirect-email.mutator';
import { IndirectTableMutator } from './indirect-table.mutator';

const CARRIERS: readonly Mutator[] = [
  new IndirectEmailMutator(),
  new IndirectDocumentMutator(),
  new IndirectTableMutator(),
  new IndirectCodeMutator(),
];

/** Any of the four carriers, so a persona can use indirect injection without fixing the medium. */
export class IndirectMutator implements Mutator {
  readonly id = 'indirect';
  readonly kind = 'injection' as const;
  readonly description = 'Hides the text inside an email, document, table or code block (chosen at random).';

  apply(text: string, context: MutationContext): string {
    return context.rng.pick(CARRIERS).apply(text, context);
  }
}
