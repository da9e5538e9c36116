import { PolicyError } from './policy-error';
import { parseConstitution, validateConstitution, withBlockThreshold } from './constitution-parser';

const VALID = `
version: "1.0"
defaults: { block_threshold: 0.6 }
principles:
  - id: no-jailbreak
    priority: high
    description: No jailbreaks.
    covers: { categories: [jailbreak] }
    action: block
  - id: protect-pii
    priority: high
    description: Redact personal data.
    covers: { categories: [pii], detectors: ["pii.*"] }
    threshold: 0.3
    directions: [output]
    review: { llm: true }
endpoints:
  support-bot:
    disable: [no-jailbreak]
    principles: { protect-pii: { threshold: 0.4, action: block } }
`;

function problemsOf(source: string): string[] {
  try {
    parseConstitution(source);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).code).toBe('POLICY_INVALID');
    return (error as PolicyError).problems.map((p) => `${p.path}: ${p.problem}`);
  }
  throw new Error('expected the constitution to be refused');
}

describe('parseConstitution', () => {
  it('normalises a valid document: defaults filled, snake_case mapped, endpoints kept', () => {
    const constitution = parseConstitution(VALID);
    expect(constitution.version).toBe('1.0');
    expect(constitution.defaults.blockThreshold).toBe(0.6);
    expect(constitution.principles[0]).toMatchObject({ directions: ['input', 'output'], action: 'block' });
    expect(constitution.principles[0].threshold).toBeUndefined();
    expect(constitution.principles[1].covers).toEqual({
      categories: ['pii'],
      detectors: ['pii.*'],
      hazards: [],
    });
    expect(constitution.principles[1].review).toEqual({
      llm: true,
      failMode: 'closed',
      timeoutMs: 1500,
      minScore: 0,
    });
    expect(constitution.endpoints['support-bot']).toEqual({
      disable: ['no-jailbreak'],
      principles: { 'protect-pii': { threshold: 0.4, action: 'block' } },
    });
  });

  it('returns a deeply frozen constitution, so replicas can share one instance safely', () => {
    const constitution = parseConstitution(VALID);
    expect(Object.isFrozen(constitution.principles[1].covers.categories)).toBe(true);
    expect(Object.isFrozen(constitution.endpoints['support-bot'].principles)).toBe(true);
  });

  it('names the path, the problem and the line of an out-of-range threshold', () => {
    const source = VALID.replace('threshold: 0.3', 'threshold: 1.5');
    expect(problemsOf(source)).toEqual([
      'principles[1].threshold: expected a number between 0 and 1 (line 14)',
    ]);
  });

  it('refuses unknown keys at every level, suggesting the key that was probably meant', () => {
    const source = VALID.replace('threshold: 0.3', 'treshold: 0.3')
      .replace('covers: { categories: [jailbreak] }', 'covers: { categories: [jailbreak], hazard: [S1] }')
      .replace('defaults: { block_threshold: 0.6 }', 'defaults: { block_threshold: 0.6 }\nowner: me');
    const problems = problemsOf(source);
    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual(
      expect.stringMatching(/^owner: unknown key; allowed: version, description/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^principles\[0\]\.covers\.hazard: unknown key \(did you mean "hazards"\?\)/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^principles\[1\]\.treshold: unknown key \(did you mean "threshold"\?\)/),
    );
  });

  it('refuses unknown keys in endpoint overrides, with the endpoint name quoted in the path', () => {
    const source = VALID.replace('{ threshold: 0.4, action: block }', '{ threshold: 0.4, enabled: false }');
    expect(problemsOf(source)).toEqual([
      expect.stringMatching(/^endpoints\["support-bot"\]\.principles\["protect-pii"\]\.enabled: unknown key/),
    ]);
  });

  it('lists every problem at once: bad enums, missing fields, wrong types', () => {
    const source = `
version: 2026.11
principles:
  - id: Bad Id
    priority: urgent
    covers: { categories: [jailbreaks], hazards: [S15] }
    directions: [inbound]
    action: delete
    review: { llm: "yes", timeout_ms: 10, fail_mode: sideways }
`;
    const problems = problemsOf(source);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^version: expected a version label in quotes/),
        expect.stringMatching(/^principles\[0\]\.id: expected a lowercase id/),
        expect.stringMatching(/^principles\[0\]\.priority: expected one of critical, high, medium, low/),
        expect.stringMatching(/^principles\[0\]\.description: is required/),
        expect.stringMatching(
          /^principles\[0\]\.covers\.categories\[0\]: expected one of prompt_injection.*\(did you mean "jailbreak"\?\)/,
        ),
        expect.stringMatching(/^principles\[0\]\.covers\.hazards\[0\]: expected one of S1, S2/),
        expect.stringMatching(/^principles\[0\]\.directions\[0\]: expected one of input, output/),
        expect.stringMatching(/^principles\[0\]\.action: expected one of block, modify, warn, log/),
        expect.stringMatching(/^principles\[0\]\.review\.llm: expected true or false/),
        expect.stringMatching(
          /^principles\[0\]\.review\.timeout_ms: expected a whole number of milliseconds/,
        ),
        expect.stringMatching(/^principles\[0\]\.review\.fail_mode: expected one of closed, open/),
      ]),
    );
    expect(problems).toHaveLength(11);
  });

  it('refuses a principle that covers nothing, since it could never fire', () => {
    const source = VALID.replace('covers: { categories: [jailbreak] }', 'covers: {}');
    expect(problemsOf(source)).toEqual([
      expect.stringMatching(/^principles\[0\]\.covers: expected at least one category, detector or hazard/),
    ]);
  });

  it('refuses duplicate principle ids and says where the first one is', () => {
    const source = VALID.replace('id: protect-pii', 'id: no-jailbreak').replace(/endpoints:[\s\S]*/, '');
    expect(problemsOf(source)).toEqual([
      expect.stringMatching(/^principles\[1\]\.id: duplicate id "no-jailbreak" \(also principles\[0\]\)/),
    ]);
  });

  it('refuses endpoint overrides of principles that do not exist, and contradictory ones', () => {
    const source = VALID.replace('disable: [no-jailbreak]', 'disable: [no-jailbrek, protect-pii]');
    expect(problemsOf(source)).toEqual([
      'endpoints["support-bot"].disable[0]: unknown principle "no-jailbrek" (did you mean "no-jailbreak"?) (line 19)',
      'endpoints["support-bot"].principles["protect-pii"]: is both disabled and overridden on this endpoint; keep one (line 20)',
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    expect(problemsOf('version: "1"\nprinciples: [\n')[0]).toMatch(/^\(yaml, line \d+\): /);
    expect(problemsOf('version: "1"\nversion: "2"\nprinciples: []\n')).toEqual([
      expect.stringMatching(/^\(yaml, line 2\): Map keys must be unique/),
    ]);
  });

  it('refuses an empty document and a list at the top', () => {
    expect(problemsOf('')).toEqual([expect.stringMatching(/^\(document\): expected a mapping, got null/)]);
    expect(problemsOf('- a\n')).toEqual([
      expect.stringMatching(/^\(document\): expected a mapping, got a list/),
    ]);
  });

  it('refuses endpoint names that could reach an object prototype', () => {
    const source = VALID.replace('support-bot:', '__proto__:');
    expect(problemsOf(source)).toEqual(['endpoints.__proto__: reserved key, not allowed (line 19)']);
  });

  it('refuses documents that expand aliases without bound', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10)
          .fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`)
          .join(', ')}]`,
      );
    expect(problemsOf(bomb.join('\n'))[0]).toMatch(/^\(yaml\): .*alias/i);
  });
});

describe('validateConstitution', () => {
  it('validates a JavaScript value with the same rules as the YAML', () => {
    expect(() =>
      validateConstitution({
        version: '1',
        principles: [{ id: 'x', priority: 'low', description: 'd', covers: { hazards: ['S1'] }, extra: 1 }],
      }),
    ).toThrow(/principles\[0\]\.extra: unknown key/);
    expect(
      validateConstitution({
        version: '1',
        principles: [{ id: 'x', priority: 'low', description: 'd', covers: { hazards: ['S1'] } }],
      }).defaults.blockThreshold,
    ).toBe(0.5);
  });
});

describe('withBlockThreshold', () => {
  it('replaces the default threshold and nothing else, refusing values outside 0..1', () => {
    const constitution = parseConstitution(VALID);
    const tuned = withBlockThreshold(constitution, 0.42);
    expect(tuned.defaults.blockThreshold).toBe(0.42);
    expect(tuned.principles).toBe(constitution.principles);
    expect(() => withBlockThreshold(constitution, 1.2)).toThrow(
      /defaults.block_threshold: expected a number between 0 and 1/,
    );
  });
});
