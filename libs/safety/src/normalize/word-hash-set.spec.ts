import { hashWord } from './lexicon';
import { WordHashSet } from './word-hash-set';

describe('WordHashSet', () => {
  it('finds the words it was built from and no others', () => {
    const set = new WordHashSet(['alpha', 'beta', 'gamma'].map(hashWord));
    expect(['alpha', 'beta', 'gamma'].every((word) => set.has(hashWord(word)))).toBe(true);
    expect(['delta', 'alph', 'betas'].some((word) => set.has(hashWord(word)))).toBe(false);
  });

  it('tells a hash of 0 (its empty-slot marker) apart from absence', () => {
    expect(new WordHashSet([0, 7]).has(0)).toBe(true);
    expect(new WordHashSet([7]).has(0)).toBe(false);
  });

  it('stays correct past its initial size, where probes wrap around the table', () => {
    const hashes = Array.from({ length: 5000 }, (_, i) => hashWord(`word${i}`));
    const set = new WordHashSet(hashes);
    expect(hashes.every((hash) => set.has(hash))).toBe(true);
    expect(set.has(hashWord('word5000'))).toBe(false);
  });
});
