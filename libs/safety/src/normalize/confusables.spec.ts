import { analyzeText } from './analyze-text';
import { CONFUSABLES, FoldKind } from './confusables';

const fold = (text: string) => analyzeText(text, { leetspeak: false, joinSpacedLetters: false }).normalized;

describe('confusables table', () => {
  it('holds no ASCII source (the fast path skips the table) and only ASCII targets', () => {
    for (const [code, target] of CONFUSABLES) {
      expect({ code, ascii: code < 0x80 }).toEqual({ code, ascii: false });
      expect(target.text).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('files every foreign-script entry under a non-Latin script, so the evasion count stays honest', () => {
    const foreign = /\p{Script=Cyrillic}|\p{Script=Greek}|\p{Script=Armenian}|\p{Script=Cherokee}/u;
    for (const [code, target] of CONFUSABLES) {
      const char = String.fromCodePoint(code);
      if (target.kind === FoldKind.Script && !/[ıȷɑɡɩǀ℮ƅ]/u.test(char))
        expect({ char, foreign: foreign.test(char) }).toEqual({ char, foreign: true });
    }
  });

  // Written with escapes so that a mistyped table entry (a Latin letter where a Cyrillic one was meant)
  // cannot hide behind an identical-looking test string.
  it.each([
    [
      'Cyrillic capitals',
      '\u0410\u0412\u0421\u0415\u041D\u0406\u0408\u041A\u041C\u041E\u0420\u0405\u0422\u0425\u0423',
      'abcehijkmopstxy',
    ],
    [
      'Cyrillic small letters',
      '\u0430\u0441\u0501\u0435\u04BB\u0456\u0458\u04CF\u043E\u0440\u051B\u0455\u051D\u0445\u0443',
      'acdehijlopqswxy',
    ],
    [
      'Greek capitals',
      '\u0391\u0392\u0395\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7\u0396',
      'abehikmnoptyxz',
    ],
    [
      'Greek small letters',
      '\u03B1\u03B5\u03B9\u03BA\u03BF\u03C1\u03C4\u03C5\u03BD\u03C7\u03C9\u03B7',
      'aeikoptuvxwn',
    ],
    ['Armenian', '\u0585\u057D\u0570\u0578\u0581\u0566', 'ouhngq'],
    [
      'Cherokee',
      '\u13AA\u13F4\u13DF\u13A0\u13AC\u13C0\u13BB\u13B7\u13E2\u13DA\u13A2\u13B3\u13C3',
      'abcdeghmpstwz',
    ],
    [
      'small capitals',
      '\u1D00\u0299\u1D04\u1D05\u1D07\u0262\u029C\u026A\u1D0A\u1D0B\u029F\u1D0D\u0274\u1D0F',
      'abcdeghijklmno',
    ],
    ['fullwidth (NFKC)', '\uFF28\uFF45\uFF4C\uFF4C\uFF4F', 'hello'],
    [
      'mathematical bold, italic, script, fraktur, monospace (NFKC)',
      '\u{1D41A}\u{1D44F}\u{1D4EC}\u{1D521}\u{1D692}',
      'abcdi',
    ],
    [
      'circled, negative squared, regional indicator, parenthesized',
      '\u24D0\u{1F171}\u{1F1E8}\u249F',
      'abcd',
    ],
    ['Latin letters posing as others', '\u0131\u0237\u0251\u0261\u0269\u01C0', 'ijagil'],
    ['dashes and quotes', '\u2013\u2014\u2212\u2018\u2019\u201C\u201D', `---''""`],
  ])('folds %s', (_label, source, expected) => {
    expect(fold(source)).toBe(expected);
  });

  it('keeps case-specific look-alikes apart: capital eta is H, small eta is n', () => {
    expect(fold('\u0397\u03B7')).toBe('hn');
  });

  it('leaves letters with no Latin twin as they are', () => {
    expect(fold('\u0434\u0436\u0444\u03BB\u03C8\u4E2D')).toBe('\u0434\u0436\u0444\u03BB\u03C8\u4E2D');
  });
});
