import { segmentWords } from './word-segmenter';

function split(text: string): string | undefined {
  const codes = [...text].map((c) => c.charCodeAt(0));
  const ends = segmentWords(codes);
  if (!ends) return undefined;
  return ends.map((end, i) => text.slice(i === 0 ? 0 : ends[i - 1], end)).join(' ');
}

describe('segmentWords', () => {
  it('splits a run whose spaces were removed back into its words', () => {
    expect(split('whichtopicswereyou')).toBe('which topics were you');
    expect(split('exportthe')).toBe('export the');
    expect(split('talkabout')).toBe('talk about');
    expect(split('howdoimakeabomb')).toBe('how do i make a bomb');
  });

  it('leaves a single word, non-words, scraps and non-letters alone', () => {
    expect(split('ignore')).toBeUndefined();
    expect(split('xkcdqzvw')).toBeUndefined();
    expect(split('nasa')).toBeUndefined();
    expect(split('abc1def')).toBeUndefined();
    expect(split('abc')).toBeUndefined();
  });
});
