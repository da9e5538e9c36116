import { evaluateJsonPath, parseJsonPath } from './json-path';

const at = (value: unknown, path: string) => evaluateJsonPath(value, parseJsonPath(path));

describe('json-path subset', () => {
  const reply = {
    choices: [{ message: { content: 'hi' } }, { message: { content: 'second' } }],
    'key with space': { "it's": 'quoted' },
    data: { 'a.b': 1, list: [] as unknown[], nothing: null },
  };

  it.each([
    ['$', reply],
    ['$.choices[0].message.content', 'hi'],
    ['$.choices[-1].message.content', 'second'],
    ["$['key with space']", reply['key with space']],
    ["$['key with space']['it\\'s']", 'quoted'],
    ['$["key with space"]["it\'s"]', 'quoted'],
    ["$.data['a.b']", 1],
    ['$.data.nothing', null],
  ])('finds %s', (path, expected) => {
    expect(at(reply, path)).toEqual({ found: true, value: expected });
  });

  it.each([
    ['$.choices[2]', '$.choices', '[2]'],
    ['$.choices[0].message.text', '$.choices[0].message', '.text'],
    ['$.data.list[0]', '$.data.list', '[0]'],
    ['$.data.nothing.x', '$.data.nothing', '.x'],
    ['$.choices.message', '$.choices', '.message'],
    ['$.data[0]', '$.data', '[0]'],
  ])('reports where %s stopped matching', (path, prefix, missing) => {
    expect(at(reply, path)).toMatchObject({ found: false, at: prefix, missing });
  });

  it('reads only own properties, never the prototype chain', () => {
    expect(at({}, '$.constructor').found).toBe(false);
    expect(at({}, "$['__proto__']").found).toBe(false);
    expect(at([1], '$.length').found).toBe(false);
  });

  it.each([
    ['choices[0]', 'must start with $'],
    ['$..content', "expected a key name after '.'"],
    ['$.choices[*]', 'expected an integer index'],
    ['$.choices[?(@.x)]', 'expected an integer index'],
    ["$['open", 'unterminated quoted key'],
    ["$['a'x", "expected ']'"],
    ['$.a b', "unexpected ' '"],
    ["$['\\n']", 'only \\\\ and an escaped quote'],
  ])('rejects %s (no wildcards, filters or scripts)', (path, message) => {
    expect(() => parseJsonPath(path)).toThrow(message);
  });
});
