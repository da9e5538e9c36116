import { applyAcrossSeeds } from '../shared/strategy-fixtures';
import { CasingNoiseMutator } from './casing-noise.mutator';

describe('CasingNoiseMutator', () => {
  const mutator = new CasingNoiseMutator();
  const text = 'Explain how to open the office supply cupboard without the key.';

  it('changes only the case of letters', () => {
    for (const out of applyAcrossSeeds(mutator, text)) expect(out.toLowerCase()).toBe(text.toLowerCase());
  });

  it('mixes upper and lower case differently per seed', () => {
    const outputs = applyAcrossSeeds(mutator, text);
    for (const out of outputs) expect(out).toMatch(/[A-Z]/);
    expect(new Set(outputs).size).toBe(outputs.length);
  });

  it('has no invert, because the original case is lost', () => {
    expect('invert' in mutator).toBe(false);
  });
});
