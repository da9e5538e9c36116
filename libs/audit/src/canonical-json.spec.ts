// canonicalize 4 exports only an `import` condition, which jest's CommonJS resolver does not match; its file
// is loaded directly (and transformed by swc, see jest.config.js) to serve as the reference implementation.
// eslint-disable-next-line @nx/enforce-module-boundaries -- the package's file itself, as no export condition fits
import canonicalize from '../../../node_modules/canonicalize/lib/canonicalize.js';
import { AuditError } from './audit-error';
import { canonicalJson, type JsonValue } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('produces the canonical form of the RFC 8785 section 3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as JsonValue;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts members by UTF-16 code units as in RFC 8785 section 3.2.3', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each([
    [0, '0'],
    [-0, '0'],
    [5e-324, '5e-324'],
    [-5e-324, '-5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [-1.7976931348623157e308, '-1.7976931348623157e+308'],
    [9007199254740992, '9007199254740992'],
    [-9007199254740992, '-9007199254740992'],
    [295147905179352830000, '295147905179352830000'],
    [1e21, '1e+21'],
    [9.999999999999997e22, '9.999999999999997e+22'],
    [1e23, '1e+23'],
    [0.000001, '0.000001'],
    [1e-7, '1e-7'],
    [333333333.3333333, '333333333.3333333'],
    [4.5, '4.5'],
  ])('writes the number %p as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('escapes strings exactly as RFC 8785 asks: short escapes, \\u00xx for other controls, UTF-8 for the rest', () => {
    expect(canonicalJson('a"b\\c\b\f\n\r\t\u0001\u001f\u007f\u2028é😀')).toBe(
      '"a\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\u2028é😀"',
    );
  });

  it('omits object members that are undefined, as JSON does', () => {
    expect(canonicalJson({ b: 1, a: undefined, c: [] })).toBe('{"b":1,"c":[]}');
  });

  it('accepts null-prototype objects and a literal "__proto__" member', () => {
    const bare = Object.create(null) as Record<string, JsonValue>;
    bare.z = 1;
    bare.a = 2;
    expect(canonicalJson(bare)).toBe('{"a":2,"z":1}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":0}') as JsonValue)).toBe(
      '{"__proto__":{"x":1},"a":0}',
    );
  });

  it('agrees with the canonicalize package on a thousand random JSON documents', () => {
    const random = seeded(8785);
    for (let i = 0; i < 1000; i++) {
      const value = randomJson(random, 0);
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }
  });

  describe('refuses values that would not read back from jsonb unchanged', () => {
    const refusals: [string, unknown, RegExp][] = [
      ['a NUL character in a string', { note: 'a\u0000b' }, /payload\.note contains a NUL character/],
      ['a NUL character in a key', { 'a\u0000': 1 }, /NUL character/],
      ['a lone high surrogate', ['x\ud800'], /payload\[0\] contains a lone UTF-16 surrogate at index 1/],
      ['a lone low surrogate', 'x\udc00y', /lone UTF-16 surrogate/],
      ['a high surrogate at the end', 'x\ud83d', /lone UTF-16 surrogate/],
      ['NaN', { score: NaN }, /payload\.score is NaN/],
      ['Infinity', [1, Infinity], /payload\[1\] is Infinity/],
      ['-Infinity', -Infinity, /payload is -Infinity/],
      ['undefined in an array', { items: [1, undefined, 3] }, /payload\.items\[1\] is undefined/],
      // eslint-disable-next-line no-sparse-arrays
      ['a hole in an array', [1, , 3], /payload\[1\] is undefined/],
      ['a bigint', { n: 10n }, /payload\.n is a bigint/],
      ['a function', { f: () => 1 }, /payload\.f is function/],
      ['a symbol', [Symbol('s')], /payload\[0\] is symbol/],
      ['a Date', { at: new Date(0) }, /payload\.at is a Date, not a plain object/],
      ['a Map', new Map(), /payload is a Map/],
      ['a class instance', { x: new (class Point {})() }, /payload\.x is a Point/],
      ['undefined at the top', undefined, /payload is undefined/],
    ];
    it.each(refusals)('%s', (_name, value, message) => {
      expect(() => canonicalJson(value, { label: 'payload' })).toThrow(message);
      expect(() => canonicalJson(value, { label: 'payload' })).toThrow(AuditError);
    });

    it('a circular reference', () => {
      const loop: Record<string, unknown> = { a: 1 };
      loop.self = { back: loop };
      expect(() => canonicalJson(loop, { label: 'payload' })).toThrow(
        /payload\.self\.back is a circular reference/,
      );
    });

    it('nesting deeper than the limit, while the same object twice side by side is fine', () => {
      let deep: JsonValue = 1;
      for (let i = 0; i < 65; i++) deep = [deep];
      expect(() => canonicalJson(deep)).toThrow(/nested deeper than 64 levels/);
      const shared = { x: 1 };
      expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    });

    it('with the code AUDIT_INVALID_ENTRY and the offending path in the details', () => {
      try {
        canonicalJson({ deep: { list: ['ok', NaN] } }, { label: 'evidence' });
        throw new Error('expected a refusal');
      } catch (error) {
        expect(error).toMatchObject({
          code: 'AUDIT_INVALID_ENTRY',
          status: 422,
          details: { field: 'evidence.deep.list[1]' },
        });
      }
    });
  });
});

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHABET = [
  'a',
  'Z',
  '0',
  ' ',
  '"',
  '\\',
  '\n',
  '\u0001',
  '\u007f',
  'é',
  '€',
  '\u2028',
  '😀',
  'דּ',
  '\ufffd',
];

function randomString(random: () => number): string {
  let text = '';
  const length = Math.floor(random() * 8);
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return text;
}

function randomNumber(random: () => number): number {
  const pick = random();
  if (pick < 0.2) return Math.floor(random() * 2000) - 1000;
  if (pick < 0.4) return (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
  if (pick < 0.5) return -0;
  if (pick < 0.7) return (random() - 0.5) * 10 ** Math.floor(random() * 600 - 300);
  return random();
}

function randomJson(random: () => number, depth: number): JsonValue {
  const pick = random() * (depth > 3 ? 4 : 6);
  if (pick < 1) return [null, true, false][Math.floor(random() * 3)]!;
  if (pick < 2) return randomNumber(random);
  if (pick < 4) return randomString(random);
  if (pick < 5) return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth + 1));
  const object: Record<string, JsonValue> = {};
  for (let i = Math.floor(random() * 5); i > 0; i--)
    object[randomString(random)] = randomJson(random, depth + 1);
  return object;
}
