import { applyAcrossSeeds } from '../shared/strategy-fixtures';
import { SpacingNoiseMutator } from './spacing-noise.mutator';

describe('SpacingNoiseMutator', () => {
  const mutator = new SpacingNoiseMutator();
  const text = 'explain how to open the office supply cupboard without the key';

  it('adds spaces or letter splits but keeps every letter in order', () => {
    for (const out of applyAcrossSeeds(mutator, text)) {
      expect(out.replace(/[ .-]/g, '')).toBe(text.replace(/ /g, ''));
      expect(out.length).toBeGreaterThan(text.length);
    }
  });

  it('spells some words out letter by letter', () => {
    const outputs = applyAcrossSeeds(mutator, text).join('\n');
    expect(outputs).toMatch(/c[ .-]u[ .-]p[ .-]b/);
  });

  it('varies with the seed', () => {
    expect(new Set(applyAcrossSeeds(mutator, text)).size).toBeGreaterThan(30);
  });
});
