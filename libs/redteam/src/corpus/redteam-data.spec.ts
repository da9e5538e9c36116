import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedteamError } from '../redteam-error';
import { loadRedteamData } from './redteam-data';

/** The strategy ids the red-team engine provides; the last three are multi-turn planners. */
const MUTATORS = [
  'base64',
  'hex',
  'rot13',
  'url-encode',
  'leetspeak',
  'homoglyph',
  'zero-width',
  'unicode-tags',
  'casing-noise',
  'spacing-noise',
  'payload-split',
  'roleplay',
  'fiction',
  'refusal-suppression',
  'authority',
  'many-shot',
  'adversarial-suffix',
  'indirect-email',
  'indirect-document',
  'indirect-table',
  'indirect-code',
  'indirect',
];
const PLANNERS = ['crescendo', 'trust-building', 'context-switch'];

/** Accepts exactly the known strategy ids, at most 6 per chain, with a multi-turn one only last. */
function validateChain(chain: string): void {
  const ids = chain.split(',').map((id) => id.trim());
  if (ids.length > 6) throw new RedteamError('REDTEAM_INVALID_CHAIN', `"${chain}" is too long`);
  ids.forEach((id, index) => {
    if (PLANNERS.includes(id)) {
      if (index !== ids.length - 1)
        throw new RedteamError('REDTEAM_INVALID_CHAIN', `"${id}" is multi-turn and must come last`);
    } else if (!MUTATORS.includes(id))
      throw new RedteamError('REDTEAM_UNKNOWN_STRATEGY', `Unknown strategy "${id}"`);
  });
}

const roots: string[] = [];
afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

describe('validateChain used by these specs', () => {
  it('accepts known chains and refuses unknown ids or a multi-turn strategy before the end', () => {
    expect(() => validateChain('leetspeak,crescendo')).not.toThrow();
    expect(() => validateChain('crescendo,leetspeak')).toThrow('must come last');
    expect(() => validateChain('base64,rot14')).toThrow('Unknown strategy "rot14"');
  });
});

describe('loadRedteamData', () => {
  const data = loadRedteamData({ validateChain });

  it('loads the shipped personas and goals with every shipped tactic valid', () => {
    expect(data.personas.list().length).toBeGreaterThanOrEqual(9);
    expect(data.goals.list().length).toBeGreaterThanOrEqual(120);
  });

  it('has goals for every goal category of every persona', () => {
    const empty = data.personas
      .list()
      .flatMap((p) =>
        p.goalCategories.filter((c) => data.goals.byCategory([c]).length === 0).map((c) => `${p.id}: ${c}`),
      );
    expect(empty).toEqual([]);
  });

  it('gives every persona 4 to 8 tactics from several kinds of strategy', () => {
    for (const persona of data.personas.list()) {
      expect(persona.tactics.length).toBeGreaterThanOrEqual(4);
      expect(persona.tactics.length).toBeLessThanOrEqual(8);
      expect(new Set(persona.tactics).size).toBe(persona.tactics.length);
    }
  });

  it('versions the data as <goals version>.<8 hex of the persona digest>', () => {
    expect(data.dataVersion).toMatch(/^2026\.12\.0\+[0-9a-f]{12}\.[0-9a-f]{8}$/);
    expect(data.dataVersion).toBe(`${data.goals.version}.${data.personas.digest.slice(0, 8)}`);
    expect(loadRedteamData({ validateChain }).dataVersion).toBe(data.dataVersion);
  });

  it('changes the data version when a user persona is added', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-redteam-data-'));
    roots.push(dir);
    writeFileSync(
      join(dir, 'p.yaml'),
      [
        'id: test_persona',
        'priority: low',
        'goal: Test.',
        'description: Test.',
        'tactics: [roleplay, "hex,crescendo"]',
        'goal_categories: [S8]',
        'success_criteria: [{ kind: not_refused }]',
        'max_turns: 3',
        'severity: low',
      ].join('\n'),
    );
    const withUser = loadRedteamData({ userPersonaDirs: [dir], validateChain });
    expect(withUser.personas.get('test_persona').tactics).toEqual(['roleplay', 'hex,crescendo']);
    expect(withUser.dataVersion).not.toBe(data.dataVersion);
    expect(withUser.dataVersion.startsWith(`${data.goals.version}.`)).toBe(true);
  });

  it('refuses a user persona whose tactic puts a multi-turn strategy first, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-redteam-data-'));
    roots.push(dir);
    writeFileSync(
      join(dir, 'bad.yaml'),
      'id: bad_chain\npriority: low\ngoal: x\ndescription: x\ntactics: ["crescendo,base64"]\ngoal_categories: [S1]\nsuccess_criteria: [{ kind: not_refused }]\nmax_turns: 3\nseverity: low\n',
    );
    expect(() => loadRedteamData({ userPersonaDirs: [dir], validateChain })).toThrow(
      `${join(dir, 'bad.yaml')}: tactics[0]: "crescendo,base64": "crescendo" is multi-turn and must come last`,
    );
  });

  it('keeps the shipped domain personas to their own corpora and refuses an unknown corpus', () => {
    expect(data.personas.get('finance_fraudster').goalCorpora).toEqual(['finance']);
    const dir = mkdtempSync(join(tmpdir(), 'rampart-redteam-data-'));
    roots.push(dir);
    writeFileSync(
      join(dir, 'scoped.yaml'),
      'id: scoped\npriority: low\ngoal: x\ndescription: x\ntactics: [roleplay]\ngoal_categories: [S2]\ngoal_corpora: [insurance]\nsuccess_criteria: [{ kind: not_refused }]\nmax_turns: 3\nseverity: low\n',
    );
    expect(() => loadRedteamData({ userPersonaDirs: [dir], validateChain })).toThrow(
      /scoped\.yaml: goal_corpora\[0\]: no corpus "insurance" is loaded/,
    );
  });
});
