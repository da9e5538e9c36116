import { fenced } from './markdown';

describe('fenced', () => {
  it('uses a three-backtick fence for plain content', () => {
    expect(fenced('x = 1', 'py')).toBe('```py\nx = 1\n```');
  });

  it('outlasts backtick runs in the content so the content stays verbatim inside one block', () => {
    const content = 'before ```` inner ``` after';
    const block = fenced(content);
    expect(block.startsWith('`````\n')).toBe(true);
    expect(block.endsWith('\n`````')).toBe(true);
    expect(block).toContain(content);
  });
});
