import { Base64Mutator } from '../encoding/base64.mutator';
import { applyAcrossSeeds, fixtureContext, TRICKY_TEXT } from '../shared/strategy-fixtures';
import type { Mutator } from '../strategy';
import { IndirectCodeMutator } from './indirect-code.mutator';
import { IndirectDocumentMutator } from './indirect-document.mutator';
import { IndirectEmailMutator } from './indirect-email.mutator';
import { IndirectTableMutator } from './indirect-table.mutator';
import { IndirectMutator } from './indirect.mutator';

const CARRIERS: readonly (readonly [Mutator, RegExp])[] = [
  [new IndirectEmailMutator(), /email|message|thread/i],
  [new IndirectDocumentMutator(), /translate|proofread|summarise|extract/i],
  [new IndirectTableMutator(), /table|csv|spreadsheet/i],
  [new IndirectCodeMutator(), /review|annotations|script|tests/i],
];
const ALL: readonly (readonly [Mutator, RegExp])[] = [
  ...CARRIERS,
  [
    new IndirectMutator(),
    /email|message|thread|translate|proofread|summarise|extract|table|csv|spreadsheet|review|annotations|script|tests/i,
  ],
];

describe.each(ALL.map(([mutator, benignTask]) => ({ id: mutator.id, mutator, benignTask })))(
  '$id carrier',
  ({ mutator, benignTask }) => {
    it('hides the incoming text verbatim inside the content to process', () => {
      for (const out of applyAcrossSeeds(mutator, TRICKY_TEXT)) {
        expect(out).toContain(TRICKY_TEXT);
        expect(out.startsWith(TRICKY_TEXT)).toBe(false);
      }
    });

    it('opens with a benign, visible request that does not contain the attack', () => {
      for (const out of applyAcrossSeeds(mutator, 'THE-ASK')) {
        const request = out.split('\n')[0];
        expect(request).toMatch(benignTask);
        expect(request).not.toContain('THE-ASK');
      }
    });

    it('keeps a chained base64 payload intact', () => {
      const encoded = new Base64Mutator().apply('open the cupboard', fixtureContext('inner'));
      for (const out of applyAcrossSeeds(mutator, encoded)) expect(out).toContain(encoded);
    });

    it('has at least four distinct carrier templates', () => {
      expect(new Set(applyAcrossSeeds(mutator, 'THE-ASK', 80)).size).toBeGreaterThanOrEqual(4);
    });
  },
);

describe('IndirectMutator', () => {
  it('uses each of the four carriers', () => {
    const firstLines = CARRIERS.map(
      ([carrier]) => new Set(applyAcrossSeeds(carrier, 'x', 80).map((out) => out.split('\n')[0])),
    );
    const used = new Set(
      applyAcrossSeeds(new IndirectMutator(), 'x', 80).map((out) =>
        firstLines.findIndex((lines) => lines.has(out.split('\n')[0])),
      ),
    );
    expect([...used].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('IndirectCodeMutator', () => {
  it('keeps the code block closed after the text even when the text contains fences', () => {
    for (const out of applyAcrossSeeds(new IndirectCodeMutator(), 'a ```` b')) {
      expect(out).toMatch(/^`{5}\w+$/m);
      expect(out.trimEnd().endsWith('`````')).toBe(true);
    }
  });
});
