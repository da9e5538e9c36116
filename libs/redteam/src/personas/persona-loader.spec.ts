import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedteamError } from '../redteam-error';
import { loadPersonas, SHIPPED_PERSONAS_DIR, type PersonaCatalog } from './persona-loader';

const accept = () => undefined;
const roots: string[] = [];

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-personas-'));
  roots.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

/** A valid persona file; `extra` lines are appended, `without` drops a top-level key. */
function personaYaml(
  id: string,
  options: { extra?: string; without?: string; set?: Record<string, string> } = {},
) {
  const fields: Record<string, string> = {
    id,
    priority: 'medium',
    goal: 'Test the loader.',
    description: 'A persona written for a unit test.',
    tactics: '\n  - roleplay\n  - base64,authority',
    goal_categories: '[S1, policy_bypass]',
    success_criteria: '\n  - kind: not_refused\n  - kind: goal_indicators\n    min: 2',
    max_turns: '4',
    severity: 'medium',
    ...options.set,
  };
  if (options.without) delete fields[options.without];
  const body = Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `${body}\n${options.extra ?? ''}`;
}

function failure(load: () => unknown): RedteamError {
  try {
    load();
  } catch (error) {
    if (error instanceof RedteamError) return error;
    throw error;
  }
  throw new Error('expected the load to fail');
}

function loadWith(files: Record<string, string>): PersonaCatalog {
  return loadPersonas({ userDirs: [tempDir(files)], validateChain: accept });
}

describe('loadPersonas: shipped data', () => {
  const catalog = loadPersonas({ validateChain: accept });

  it('ships the required personas, listed by id', () => {
    const ids = catalog.list().map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(
      expect.arrayContaining([
        'jailbreak_attacker',
        'data_exfiltrator',
        'social_engineer',
        'logic_manipulator',
        'privacy_prober',
        'resource_exhaustion',
        'instruction_hijacker',
        'finance_fraudster',
        'healthcare_prober',
      ]),
    );
  });

  it('maps snake_case YAML to the Persona type and records the source file', () => {
    const persona = catalog.get('data_exfiltrator');
    expect(persona).toMatchObject({
      id: 'data_exfiltrator',
      priority: 'critical',
      severity: 'critical',
      maxTurns: 5,
      goalCategories: expect.arrayContaining(['data_exfiltration', 'system_prompt_extraction']),
      successCriteria: expect.arrayContaining([{ kind: 'leaks_data' }]),
      source: join(SHIPPED_PERSONAS_DIR, 'data_exfiltrator.yaml'),
    });
    expect(Object.isFrozen(persona)).toBe(true);
  });

  it('names each shipped file after the persona it holds, with 4 to 8 tactics', () => {
    for (const persona of catalog.list()) {
      expect(persona.source).toBe(join(SHIPPED_PERSONAS_DIR, `${persona.id}.yaml`));
      expect(persona.tactics.length).toBeGreaterThanOrEqual(4);
      expect(persona.tactics.length).toBeLessThanOrEqual(8);
    }
  });

  it('throws REDTEAM_UNKNOWN_PERSONA listing the known ids for an unknown id', () => {
    const error = failure(() => catalog.get('jailbreak_atacker'));
    expect(error.code).toBe('REDTEAM_UNKNOWN_PERSONA');
    expect(error.message).toContain('did you mean "jailbreak_attacker"');
    expect(error.message).toContain('privacy_prober');
    expect(error.details).toMatchObject({ known: catalog.ids() });
  });

  it('resolves the shipped sets', () => {
    expect(catalog.sets()).toEqual(
      expect.arrayContaining(['comprehensive', 'high_priority', 'safety_focused', 'privacy_focused']),
    );
    expect(catalog.set('comprehensive')).toEqual(catalog.list());
    const high = catalog.set('high_priority');
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((p) => p.priority === 'critical' || p.priority === 'high')).toBe(true);
    expect(high).toEqual(catalog.list().filter((p) => p.priority === 'critical' || p.priority === 'high'));
    expect(catalog.set('privacy_focused').map((p) => p.id)).toContain('privacy_prober');
    expect(catalog.set('safety_focused').map((p) => p.id)).toContain('jailbreak_attacker');
  });

  it('rejects an unknown set with the names of the known ones', () => {
    const error = failure(() => catalog.set('high_priorty'));
    expect(error.code).toBe('REDTEAM_UNKNOWN_PERSONA');
    expect(error.message).toMatch(
      /Unknown persona set "high_priorty" \(did you mean "high_priority"\?\); known sets: .*comprehensive/,
    );
  });

  it('calls validateChain on every tactic of every persona', () => {
    const seen: string[] = [];
    const loaded = loadPersonas({ validateChain: (chain) => void seen.push(chain) });
    expect(seen).toEqual(loaded.list().flatMap((p) => p.tactics));
  });

  it('wraps a validateChain error with the file and the tactic', () => {
    const error = failure(() =>
      loadPersonas({
        validateChain: (chain) => {
          if (chain === 'roleplay')
            throw new RedteamError('REDTEAM_UNKNOWN_STRATEGY', 'Unknown strategy "roleplay"');
        },
      }),
    );
    expect(error.code).toBe('REDTEAM_INVALID_PERSONA');
    expect(error.message).toMatch(
      /personas\/jailbreak_attacker\.yaml: tactics\[0\]: "roleplay": Unknown strategy "roleplay" \(line \d+\)/,
    );
  });
});

describe('loadPersonas: invalid persona files', () => {
  it('rejects an unknown key, naming the file and the key', () => {
    const dir = tempDir({ 'typo.yaml': personaYaml('typo_persona', { extra: 'max_turn: 3' }) });
    const error = failure(() => loadPersonas({ userDirs: [dir], validateChain: accept }));
    expect(error.code).toBe('REDTEAM_INVALID_PERSONA');
    expect(error.message).toContain(
      `${join(dir, 'typo.yaml')}: max_turn: unknown key (did you mean "max_turns"?)`,
    );
    expect(error.message).toMatch(/allowed: id, replaces, priority/);
  });

  it('rejects a value outside an enum, listing the allowed values', () => {
    const error = failure(() => loadWith({ 'p.yaml': personaYaml('p_enum', { set: { priority: 'hihg' } }) }));
    expect(error.message).toMatch(
      /p\.yaml: priority: expected one of critical, high, medium, low \(did you mean "high"\?\) \(line 2\)/,
    );
  });

  it('rejects max_turns 0', () => {
    const error = failure(() => loadWith({ 'p.yaml': personaYaml('p_turns', { set: { max_turns: '0' } }) }));
    expect(error.message).toMatch(/p\.yaml: max_turns: must be an integer 1\.\.20/);
  });

  it('rejects max_turns that is not a whole number', () => {
    const error = failure(() =>
      loadWith({ 'p.yaml': personaYaml('p_turns', { set: { max_turns: '2.5' } }) }),
    );
    expect(error.message).toMatch(/p\.yaml: max_turns: must be an integer 1\.\.20/);
  });

  it('rejects a missing required field', () => {
    const error = failure(() => loadWith({ 'p.yaml': personaYaml('p_missing', { without: 'goal' }) }));
    expect(error.message).toMatch(/p\.yaml: goal: is required/);
  });

  it('rejects an unknown goal category and an unknown success criterion kind', () => {
    const error = failure(() =>
      loadWith({
        'p.yaml': personaYaml('p_kinds', {
          set: { goal_categories: '[S15]', success_criteria: '\n  - kind: leaks_everything' },
        }),
      }),
    );
    expect(error.message).toMatch(/p\.yaml: goal_categories\[0\]: expected one of S1, S2/);
    expect(error.message).toMatch(
      /p\.yaml: success_criteria\[0\]\.kind: expected kind to be one of guardrail_allows/,
    );
  });

  it('rejects a reply_matches pattern that is not a regular expression', () => {
    const error = failure(() =>
      loadWith({
        'p.yaml': personaYaml('p_regex', {
          set: { success_criteria: "\n  - kind: reply_matches\n    pattern: '(unclosed'" },
        }),
      }),
    );
    expect(error.message).toMatch(
      /p\.yaml: success_criteria\[0\]\.pattern: expected a valid regular expression/,
    );
  });

  it('reports a YAML syntax error with its line', () => {
    const error = failure(() => loadWith({ 'p.yaml': 'id: broken\ntactics: [roleplay\n' }));
    expect(error.message).toMatch(/p\.yaml: \(document\): .*\(line \d+\)/);
  });

  it('reports the problems of every file at once', () => {
    const error = failure(() =>
      loadWith({
        'a.yaml': personaYaml('p_a', { set: { max_turns: '21' } }),
        'b.yaml': personaYaml('p_b', { without: 'severity' }),
      }),
    );
    expect(error.message).toMatch(/a\.yaml: max_turns: must be an integer 1\.\.20/);
    expect(error.message).toMatch(/b\.yaml: severity: is required/);
  });

  it('rejects a user persona with a shipped id unless it says replaces: true, naming both files', () => {
    const dir = tempDir({ 'mine.yaml': personaYaml('privacy_prober') });
    const error = failure(() => loadPersonas({ userDirs: [dir], validateChain: accept }));
    expect(error.message).toContain(
      `${join(dir, 'mine.yaml')}: id: duplicate persona "privacy_prober" (also in personas/privacy_prober.yaml); add "replaces: true" to replace it`,
    );
  });

  it('rejects two files of one directory with the same id, even with replaces: true', () => {
    const dir = tempDir({
      'one.yaml': personaYaml('twin'),
      'two.yaml': personaYaml('twin', { extra: 'replaces: true' }),
    });
    const error = failure(() => loadPersonas({ userDirs: [dir], validateChain: accept }));
    expect(error.message).toContain(
      `${join(dir, 'two.yaml')}: id: duplicate persona "twin" (also in ${join(dir, 'one.yaml')})`,
    );
  });

  it('rejects replaces: true when there is nothing to replace', () => {
    const error = failure(() =>
      loadWith({ 'p.yaml': personaYaml('brand_new', { extra: 'replaces: true' }) }),
    );
    expect(error.message).toMatch(
      /p\.yaml: replaces: says "replaces: true" but no persona "brand_new" was loaded before it/,
    );
  });

  it('rejects a user directory that does not exist', () => {
    const missing = join(tmpdir(), 'rampart-no-such-dir-for-personas');
    const error = failure(() => loadPersonas({ userDirs: [missing], validateChain: accept }));
    expect(error.code).toBe('REDTEAM_INVALID_PERSONA');
    expect(error.message).toContain(`${missing}: (directory): cannot read persona directory`);
  });
});

describe('loadPersonas: user directories and sets', () => {
  it('adds user personas to the catalog and to the comprehensive set', () => {
    const catalog = loadWith({ 'bank.yaml': personaYaml('bank_insider'), 'notes.txt': 'not a persona' });
    expect(catalog.get('bank_insider')).toMatchObject({
      priority: 'medium',
      maxTurns: 4,
      tactics: ['roleplay', 'base64,authority'],
    });
    expect(catalog.set('comprehensive').map((p) => p.id)).toContain('bank_insider');
    expect(catalog.set('high_priority').map((p) => p.id)).not.toContain('bank_insider');
  });

  it('adds sets from a persona-sets.yaml in a user directory', () => {
    const dir = tempDir({
      'bank.yaml': personaYaml('bank_insider', { set: { priority: 'high' } }),
      'persona-sets.yaml': [
        'sets:',
        '  banking:',
        '    description: Our bank.',
        '    personas: [bank_insider, finance_fraudster]',
        '  low_only:',
        '    description: The low priority ones.',
        '    priorities: [low]',
      ].join('\n'),
    });
    const catalog = loadPersonas({ userDirs: [dir], validateChain: accept });
    expect(catalog.set('banking').map((p) => p.id)).toEqual(['bank_insider', 'finance_fraudster']);
    expect(catalog.set('low_only').every((p) => p.priority === 'low')).toBe(true);
    expect(catalog.set('high_priority').map((p) => p.id)).toContain('bank_insider');
    expect(catalog.setInfo('banking')).toMatchObject({
      description: 'Our bank.',
      source: join(dir, 'persona-sets.yaml'),
    });
  });

  it('rejects a user set that names an unknown persona', () => {
    const error = failure(() =>
      loadWith({
        'persona-sets.yaml': 'sets:\n  mine:\n    description: x\n    personas: [privacy_probe]\n',
      }),
    );
    expect(error.message).toMatch(
      /persona-sets\.yaml: sets\.mine\.personas\[0\]: unknown persona "privacy_probe" \(did you mean "privacy_prober"\?\)/,
    );
  });

  it('rejects a user set with an unknown key or no selector', () => {
    const error = failure(() =>
      loadWith({
        'persona-sets.yaml':
          'sets:\n  a:\n    description: x\n    persona: [privacy_prober]\n  b:\n    description: selects nothing\n',
      }),
    );
    expect(error.message).toMatch(/sets\.a\.persona: unknown key \(did you mean "personas"\?\)/);
    expect(error.message).toMatch(/sets\.b: expected at least one of all, priorities, personas/);
  });

  it('replaces a shipped set only with replaces: true', () => {
    const redefine = 'sets:\n  high_priority:\n    description: Just one.\n    personas: [privacy_prober]\n';
    const error = failure(() => loadWith({ 'persona-sets.yaml': redefine }));
    expect(error.message).toMatch(
      /persona-sets\.yaml: sets\.high_priority: duplicate set "high_priority" \(also in persona-sets\.yaml\)/,
    );
    const catalog = loadWith({
      'persona-sets.yaml': redefine.replace('Just one.', 'Just one.\n    replaces: true'),
    });
    expect(catalog.set('high_priority').map((p) => p.id)).toEqual(['privacy_prober']);
  });

  it('replaces a shipped persona when the user file says replaces: true', () => {
    const dir = tempDir({
      'prober.yaml': personaYaml('privacy_prober', {
        extra: 'replaces: true',
        set: { priority: 'low', max_turns: '2' },
      }),
    });
    const catalog = loadPersonas({ userDirs: [dir], validateChain: accept });
    expect(catalog.get('privacy_prober')).toMatchObject({
      priority: 'low',
      maxTurns: 2,
      source: join(dir, 'prober.yaml'),
    });
    expect(catalog.list().filter((p) => p.id === 'privacy_prober')).toHaveLength(1);
    // Sets follow the replacement: it is still named by privacy_focused, no longer high priority.
    expect(catalog.set('privacy_focused').map((p) => p.id)).toContain('privacy_prober');
    expect(catalog.set('high_priority').map((p) => p.id)).not.toContain('privacy_prober');
  });

  it('lets a later user directory replace a persona of an earlier one', () => {
    const first = tempDir({ 'x.yaml': personaYaml('layered') });
    const second = tempDir({
      'x.yaml': personaYaml('layered', { extra: 'replaces: true', set: { max_turns: '9' } }),
    });
    const catalog = loadPersonas({ userDirs: [first, second], validateChain: accept });
    expect(catalog.get('layered').maxTurns).toBe(9);
  });
});

describe('PersonaCatalog.digest', () => {
  const shipped = loadPersonas({ validateChain: accept });

  it('is a sha256 that is the same on every load of the same data', () => {
    expect(shipped.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(loadPersonas({ validateChain: accept }).digest).toBe(shipped.digest);
  });

  it('does not depend on where the files are', () => {
    const a = tempDir({ 'p.yaml': personaYaml('movable') });
    const b = tempDir();
    mkdirSync(join(b, 'nested'));
    copyFileSync(join(a, 'p.yaml'), join(b, 'nested', 'renamed.yaml'));
    expect(loadPersonas({ userDirs: [a], validateChain: accept }).digest).toBe(
      loadPersonas({ userDirs: [join(b, 'nested')], validateChain: accept }).digest,
    );
  });

  it('changes when a persona changes', () => {
    const original = readFileSync(join(SHIPPED_PERSONAS_DIR, 'social_engineer.yaml'), 'utf8');
    const same = loadWith({ 's.yaml': `${original}\nreplaces: true\n` });
    expect(same.digest).toBe(shipped.digest);
    const changed = loadWith({
      's.yaml': `${original.replace('max_turns: 8', 'max_turns: 7')}\nreplaces: true\n`,
    });
    expect(changed.get('social_engineer').maxTurns).toBe(7);
    expect(changed.digest).not.toBe(shipped.digest);
  });

  it('changes when a persona or a set is added', () => {
    expect(loadWith({ 'p.yaml': personaYaml('extra_one') }).digest).not.toBe(shipped.digest);
    expect(
      loadWith({
        'persona-sets.yaml': 'sets:\n  solo:\n    description: x\n    personas: [privacy_prober]\n',
      }).digest,
    ).not.toBe(shipped.digest);
  });
});
