import { applyAcrossSeeds, FIXTURE_GOAL, TRICKY_TEXT } from '../shared/strategy-fixtures';
import { DIALOGUE_FORMATS, ManyShotMutator, MAX_SHOTS, MIN_SHOTS } from './many-shot.mutator';

describe('ManyShotMutator', () => {
  const mutator = new ManyShotMutator();

  it('fabricates between MIN_SHOTS and MAX_SHOTS compliant exchanges, then asks in the same pattern', () => {
    const shotCounts = new Set<number>();
    for (const out of applyAcrossSeeds(mutator, TRICKY_TEXT, 80)) {
      const format = DIALOGUE_FORMATS.find((f) => out.startsWith(`${f.intro}\n\n`));
      expect(format).toBeDefined();
      expect(out.endsWith(`${format!.user}: ${TRICKY_TEXT}\n${format!.assistant}:`)).toBe(true);
      const answers = out.split('\n').filter((line) => line.startsWith(`${format!.assistant}: `)).length;
      expect(answers).toBeGreaterThanOrEqual(MIN_SHOTS);
      expect(answers).toBeLessThanOrEqual(MAX_SHOTS);
      shotCounts.add(answers);
    }
    expect(shotCounts.size).toBeGreaterThan(4);
  });

  it('uses filler that has nothing to do with the goal', () => {
    for (const out of applyAcrossSeeds(mutator, FIXTURE_GOAL.text)) {
      const dialogue = out.slice(0, out.lastIndexOf(FIXTURE_GOAL.text));
      expect(dialogue).not.toContain('cupboard');
    }
  });

  it('offers at least four dialogue formats', () => {
    expect(DIALOGUE_FORMATS.length).toBeGreaterThanOrEqual(4);
    const used = new Set(
      applyAcrossSeeds(mutator, 'x', 80).map((out) =>
        DIALOGUE_FORMATS.findIndex((f) => out.startsWith(f.intro)),
      ),
    );
    expect(used.size).toBe(DIALOGUE_FORMATS.length);
  });
});
