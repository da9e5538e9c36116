import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RedteamError } from '../redteam-error';
import { GOAL_CATEGORIES } from '../types';
import { loadGoalCorpora, SHIPPED_GOAL_MANIFEST } from './goal-corpus.loader';
import { sha256 } from './validation-problems';

const SHIPPED_DIR = dirname(SHIPPED_GOAL_MANIFEST);
const REHASH_SCRIPT = join(__dirname, '..', '..', 'scripts', 'rehash-goals.mjs');
const roots: string[] = [];

afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-goals-'));
  roots.push(dir);
  return dir;
}

const row = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    category: 'S2',
    text: `Do ${id}.`,
    topic: 'a test',
    indicators: ['step', 'first'],
    ...extra,
  });

/** A user manifest in a temp dir holding one corpus with these lines; hash and count are right unless given. */
function userCorpus(
  lines: readonly string[],
  options: { name?: string; sha256?: string; goals?: number; version?: string } = {},
): { manifest: string; corpus: string } {
  const dir = tempDir();
  const content = lines.map((l) => `${l}\n`).join('');
  const corpus = join(dir, 'mine.jsonl');
  writeFileSync(corpus, content);
  const manifest = join(dir, 'manifest.json');
  writeFileSync(
    manifest,
    JSON.stringify({
      version: options.version ?? 'acme-1',
      corpora: [
        {
          name: options.name ?? 'acme',
          file: 'mine.jsonl',
          sha256: options.sha256 ?? sha256(content),
          goals: options.goals ?? lines.filter((l) => l.trim() !== '').length,
          description: 'Test corpus.',
        },
      ],
    }),
  );
  return { manifest, corpus };
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

describe('loadGoalCorpora: shipped corpora', () => {
  const catalog = loadGoalCorpora();

  it('loads between 120 and 180 goals with ids "<corpus>/<slug>"', () => {
    const goals = catalog.list();
    expect(goals.length).toBeGreaterThanOrEqual(120);
    expect(goals.length).toBeLessThanOrEqual(180);
    for (const goal of goals) expect(goal.id).toBe(`${goal.corpus}/${goal.id.split('/')[1]}`);
    expect(new Set(goals.map((g) => g.id)).size).toBe(goals.length);
  });

  it('versions the catalog as the manifest version plus a 12-hex digest', () => {
    expect(catalog.version).toMatch(/^2026\.12\.0\+[0-9a-f]{12}$/);
    expect(loadGoalCorpora().version).toBe(catalog.version);
  });

  it('describes every corpus with its file, hash and count', () => {
    const manifest = JSON.parse(readFileSync(SHIPPED_GOAL_MANIFEST, 'utf8')) as {
      corpora: { name: string; file: string; sha256: string; goals: number }[];
    };
    expect(
      catalog.corpora.map(({ name, file, sha256: hash, count }) => ({
        name,
        file,
        sha256: hash,
        goals: count,
      })),
    ).toEqual(
      manifest.corpora.map(({ name, file, sha256: hash, goals }) => ({ name, file, sha256: hash, goals })),
    );
    for (const corpus of catalog.corpora)
      expect(catalog.list().filter((g) => g.corpus === corpus.name)).toHaveLength(corpus.count);
  });

  it('has at least three goals for every hazard category S1 to S14, and goals for every category', () => {
    const short = GOAL_CATEGORIES.flatMap((category) => {
      const goals = catalog.byCategory([category]).length;
      return goals >= (category.startsWith('S') ? 3 : 1) ? [] : [`${category}: ${goals} goals`];
    });
    expect(short).toEqual([]);
  });

  it('gives every shipped goal 3 to 6 indicators and a short topic', () => {
    for (const goal of catalog.list()) {
      expect(goal.indicators.length).toBeGreaterThanOrEqual(3);
      expect(goal.indicators.length).toBeLessThanOrEqual(6);
      expect(goal.topic.length).toBeLessThanOrEqual(60);
    }
  });

  it('finds goals by id and by category', () => {
    const goal = catalog.get('harmful-requests/s9-pipe-bomb');
    expect(goal).toMatchObject({ corpus: 'harmful-requests', category: 'S9' });
    expect(Object.isFrozen(goal)).toBe(true);
    const picked = catalog.byCategory(['S9', 'data_exfiltration']);
    expect(picked.length).toBeGreaterThan(0);
    expect(picked.every((g) => g.category === 'S9' || g.category === 'data_exfiltration')).toBe(true);
    expect(catalog.byCategory([])).toEqual([]);
  });

  it('throws REDTEAM_UNKNOWN_GOAL for an unknown id', () => {
    const error = failure(() => catalog.get('harmful-requests/s9-pipe-bom'));
    expect(error.code).toBe('REDTEAM_UNKNOWN_GOAL');
    expect(error.message).toContain('did you mean "harmful-requests/s9-pipe-bomb"');
  });
});

describe('the shipped manifest', () => {
  it('matches the corpus files (else run the rehash script)', () => {
    const manifest = JSON.parse(readFileSync(SHIPPED_GOAL_MANIFEST, 'utf8')) as {
      corpora: { file: string; sha256: string; goals: number }[];
    };
    const stale = manifest.corpora.flatMap((corpus) => {
      const bytes = readFileSync(join(SHIPPED_DIR, corpus.file));
      const goals = bytes
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim() !== '').length;
      const actual = sha256(bytes);
      return actual === corpus.sha256 && goals === corpus.goals
        ? []
        : [
            `${corpus.file} changed (sha256 ${actual}, ${goals} goals) but the manifest was not updated: run \`node libs/redteam/scripts/rehash-goals.mjs\``,
          ];
    });
    expect(stale).toEqual([]);
  });
});

describe('loadGoalCorpora: integrity', () => {
  it('loads an intact copy of a shipped corpus through a user manifest', () => {
    const dir = tempDir();
    copyFileSync(join(SHIPPED_DIR, 'finance.jsonl'), join(dir, 'finance.jsonl'));
    const shipped = loadGoalCorpora().corpora.find((c) => c.name === 'finance')!;
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        version: 'copy-1',
        corpora: [
          {
            name: 'finance-copy',
            file: 'finance.jsonl',
            sha256: shipped.sha256,
            goals: shipped.count,
            description: 'x',
          },
        ],
      }),
    );
    const catalog = loadGoalCorpora({ manifests: [join(dir, 'manifest.json')] });
    expect(catalog.list().filter((g) => g.corpus === 'finance-copy')).toHaveLength(shipped.count);
    expect(catalog.version).toMatch(/^2026\.12\.0,copy-1\+[0-9a-f]{12}$/);
    expect(catalog.version).not.toBe(loadGoalCorpora().version);

    // One byte changed: refused before parsing, with both hashes in the message.
    const bytes = readFileSync(join(dir, 'finance.jsonl'));
    bytes[10] = bytes[10] === 0x61 ? 0x62 : 0x61;
    writeFileSync(join(dir, 'finance.jsonl'), bytes);
    const error = failure(() => loadGoalCorpora({ manifests: [join(dir, 'manifest.json')] }));
    expect(error.code).toBe('REDTEAM_CORPUS_TAMPERED');
    expect(error.message).toContain(join(dir, 'finance.jsonl'));
    expect(error.message).toContain(`expects ${shipped.sha256}`);
    expect(error.message).toContain(`the file has ${sha256(bytes)}`);
    expect(error.message).toContain('rehash-goals.mjs');
    expect(error.details).toEqual({
      file: join(dir, 'finance.jsonl'),
      expected: shipped.sha256,
      actual: sha256(bytes),
    });
  });

  it('checks the hash before parsing, so a tampered file that is also malformed is reported as tampered', () => {
    const { manifest, corpus } = userCorpus([row('a')]);
    writeFileSync(corpus, '{not json\n');
    expect(failure(() => loadGoalCorpora({ manifests: [manifest] })).code).toBe('REDTEAM_CORPUS_TAMPERED');
  });

  it('reports a missing corpus file as REDTEAM_CORPUS_INVALID', () => {
    const { manifest, corpus } = userCorpus([row('a')]);
    rmSync(corpus);
    const error = failure(() => loadGoalCorpora({ manifests: [manifest] }));
    expect(error.code).toBe('REDTEAM_CORPUS_INVALID');
    expect(error.message).toContain(`${join(dirname(manifest), 'mine.jsonl')}: (document): cannot read`);
  });

  it('rejects a manifest whose goal count is wrong, pointing to the rehash script', () => {
    const { manifest } = userCorpus([row('a'), row('b')], { goals: 3 });
    const error = failure(() => loadGoalCorpora({ manifests: [manifest] }));
    expect(error.code).toBe('REDTEAM_CORPUS_INVALID');
    expect(error.message).toMatch(
      /corpora\[0\]\.goals: says 3 goals but .*mine\.jsonl has 2; run `node libs\/redteam\/scripts\/rehash-goals\.mjs`/,
    );
  });
});

describe('loadGoalCorpora: invalid rows and manifests', () => {
  it('names the line and the field of an invalid row', () => {
    const { manifest } = userCorpus([row('ok'), '', row('bad', { category: 'S99', indicators: [] })]);
    const error = failure(() => loadGoalCorpora({ manifests: [manifest] }));
    expect(error.code).toBe('REDTEAM_CORPUS_INVALID');
    expect(error.message).toMatch(/mine\.jsonl: line 3: category: expected one of S1, S2/);
    expect(error.message).toMatch(/mine\.jsonl: line 3: indicators: expected at least one indicator word/);
  });

  it('rejects unknown keys, missing fields and invalid JSON in rows', () => {
    const { manifest } = userCorpus([
      row('a', { indicator: ['x'] }),
      JSON.stringify({ id: 'b', category: 'S1', text: 'x', indicators: ['y'] }),
      '{"id": "c",',
    ]);
    const error = failure(() => loadGoalCorpora({ manifests: [manifest] }));
    expect(error.message).toMatch(/line 1: indicator: unknown key \(did you mean "indicators"\?\)/);
    expect(error.message).toMatch(/line 2: topic: is required/);
    expect(error.message).toMatch(/line 3: invalid JSON/);
  });

  it('rejects a duplicate slug within a corpus', () => {
    const { manifest } = userCorpus([row('same'), row('other'), row('same')]);
    expect(failure(() => loadGoalCorpora({ manifests: [manifest] })).message).toMatch(
      /mine\.jsonl: line 3: id: duplicate id "same" \(also line 1\)/,
    );
  });

  it('rejects a user corpus whose name is already taken', () => {
    const { manifest } = userCorpus([row('a')], { name: 'finance' });
    expect(failure(() => loadGoalCorpora({ manifests: [manifest] })).message).toMatch(
      /manifest\.json: corpora\[0\]\.name: duplicate corpus "finance" \(also in goals\/manifest\.json\)/,
    );
  });

  it('rejects a malformed manifest, naming the field', () => {
    const dir = tempDir();
    const path = join(dir, 'manifest.json');
    writeFileSync(
      path,
      JSON.stringify({
        version: '1+2',
        corpora: [
          { name: 'x', file: '../escape.jsonl', sha256: 'abc', goals: 1, description: 'x', extra: 1 },
        ],
      }),
    );
    const error = failure(() => loadGoalCorpora({ manifests: [path] }));
    expect(error.code).toBe('REDTEAM_CORPUS_INVALID');
    expect(error.message).toContain(`${path}: version: expected a version label`);
    expect(error.message).toContain(`${path}: corpora[0].file: expected a relative path`);
    expect(error.message).toContain(`${path}: corpora[0].sha256: expected the sha256`);
    expect(error.message).toContain(`${path}: corpora[0].extra: unknown key`);
  });
});

describe('rehash-goals.mjs', () => {
  it('updates a stale manifest, prints what changed, and --check fails on a stale one', () => {
    const { manifest, corpus } = userCorpus([row('a')]);
    writeFileSync(corpus, `${row('a')}\n${row('b')}\n`);
    const check = spawnSync(process.execPath, [REHASH_SCRIPT, manifest, '--check'], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('acme: goals 1 -> 2');
    expect(JSON.parse(readFileSync(manifest, 'utf8')).corpora[0].goals).toBe(1);

    const output = execFileSync(process.execPath, [REHASH_SCRIPT, manifest], { encoding: 'utf8' });
    expect(output).toMatch(/acme: sha256 [0-9a-f]{12}… -> [0-9a-f]{12}…/);
    expect(JSON.parse(readFileSync(manifest, 'utf8')).corpora[0]).toMatchObject({
      goals: 2,
      sha256: sha256(readFileSync(corpus)),
    });
    expect(
      loadGoalCorpora({ manifests: [manifest] })
        .list()
        .filter((g) => g.corpus === 'acme'),
    ).toHaveLength(2);
    expect(
      execFileSync(process.execPath, [REHASH_SCRIPT, manifest, '--check'], { encoding: 'utf8' }),
    ).toContain('up to date');
  });
});
