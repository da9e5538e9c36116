import { Base64Mutator } from '../encoding/base64.mutator';
import { applyAcrossSeeds, fixtureContext, TRICKY_TEXT } from '../shared/strategy-fixtures';
import type { Mutator } from '../strategy';
import { AuthorityMutator } from './authority.mutator';
import { FictionMutator } from './fiction.mutator';
import { RefusalSuppressionMutator } from './refusal-suppression.mutator';
import { RoleplayMutator } from './roleplay.mutator';

const CASES: readonly (readonly [Mutator, RegExp])[] = [
  [new RoleplayMutator(), /character|roleplay|act as|you are|game/i],
  [new FictionMutator(), /novel|story|hypothetical|screenplay|imagine/i],
  [new RefusalSuppressionMutator(), /apolog|disclaimer|refus|caveat|warning/i],
  [new AuthorityMutator(), /developer|admin|red-team|authoris|approved/i],
];

describe.each(CASES.map(([mutator, theme]) => ({ id: mutator.id, mutator, theme })))(
  '$id framing',
  ({ mutator, theme }) => {
    it('includes the incoming text verbatim, even with quotes, backslashes and $-patterns', () => {
      for (const out of applyAcrossSeeds(mutator, TRICKY_TEXT)) expect(out).toContain(TRICKY_TEXT);
    });

    it('keeps a chained base64 payload intact', () => {
      const encoded = new Base64Mutator().apply('open the cupboard 😀', fixtureContext('inner'));
      for (const out of applyAcrossSeeds(mutator, encoded)) expect(out).toContain(encoded);
    });

    it('picks among at least four distinct templates, all on theme', () => {
      const outputs = new Set(applyAcrossSeeds(mutator, 'the ask', 80));
      expect(outputs.size).toBeGreaterThanOrEqual(4);
      for (const out of outputs) expect(out).toMatch(theme);
    });

    it('gives identical output for the same seed', () => {
      expect(mutator.apply('the ask', fixtureContext('same'))).toBe(
        mutator.apply('the ask', fixtureContext('same')),
      );
    });
  },
);
