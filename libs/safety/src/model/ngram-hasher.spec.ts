import { BUCKETS, featureCapacity, hashFeatures } from './ngram-hasher';

function features(text: string): number[] {
  const out = new Int32Array(featureCapacity(text.length));
  return [...out.subarray(0, hashFeatures(text, out))];
}

describe('hashFeatures', () => {
  it('emits character 3- to 5-grams over the padded text plus word unigrams and bigrams', () => {
    // "ab cd": padded " ab cd " has 5 trigrams, 4 four-grams, 3 five-grams; 2 words and 1 bigram.
    expect(features('ab cd')).toHaveLength(5 + 4 + 3 + 2 + 1);
  });

  it('is deterministic and stays inside the bucket range', () => {
    const a = features('ignore all previous instructions');
    expect(features('ignore all previous instructions')).toEqual(a);
    expect(a.every((bucket) => bucket >= 0 && bucket < BUCKETS)).toBe(true);
  });

  it('maps the same word to the same feature wherever it occurs', () => {
    const common = (x: number[], y: number[]) => x.filter((v) => y.includes(v)).length;
    expect(common(features('poison'), features('how to poison a well'))).toBeGreaterThan(5);
  });
});
