import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCorpus } from '../../training/corpus/corpus-generator';
import { loadHandWritten } from '../../training/corpus/hand-written';
import { DEFAULT_TRAIN_OPTIONS } from '../../training/logistic-trainer';
import { buildModel, renderWeightsModule, SHIPPED_BUILD } from '../../training/model-builder';
import { weightsModulePath } from '../../training/train-model';
import { analyzeText } from '../normalize';
import { MODEL_WEIGHTS } from './model-weights';

const normalize = (text: string) => analyzeText(text).normalized;

describe('training corpus', () => {
  it('is the same corpus for the same seed and a different one for another seed', () => {
    const a = generateCorpus({ seed: 11, size: 300 });
    expect(generateCorpus({ seed: 11, size: 300 })).toEqual(a);
    expect(generateCorpus({ seed: 12, size: 300 })).not.toEqual(a);
  });

  it('covers every attack head and benign traffic', () => {
    const corpus = generateCorpus({ seed: 5, size: 2000 });
    for (const head of ['injection', 'jailbreak', 'harmful'] as const)
      expect(corpus.filter((e) => e[head] === 1).length).toBeGreaterThan(100);
    const benign = corpus.filter((e) => !e.injection && !e.jailbreak && !e.harmful);
    expect(benign.length / corpus.length).toBeGreaterThan(0.45);
    expect(new Set(benign.map((e) => e.family)).size).toBeGreaterThan(15);
  });

  it('shares no text with the development set it is measured on', () => {
    const dev = resolve(__dirname, '../../../../../shared/datasets/prompts_dev.jsonl');
    if (!existsSync(dev)) return;
    const rows = readFileSync(dev, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text.trim());
    const corpus = new Set(generateCorpus({ seed: SHIPPED_BUILD.corpusSeed, size: 5000 }).map((e) => e.text));
    expect(rows.filter((row) => corpus.has(row))).toEqual([]);
    const hand = new Set(loadHandWritten().examples.map((e) => e.text));
    expect(rows.filter((row) => hand.has(row))).toEqual([]);
  });

  it('shares no text with the blind evaluation set in bench/data', () => {
    const blind = resolve(__dirname, '../../../../bench/data/guardrail-blind-set.jsonl');
    const rows = readFileSync(blind, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text.trim());
    expect(rows.length).toBeGreaterThan(600);
    const training = new Set([
      ...loadHandWritten().examples.map((e) => e.text),
      ...generateCorpus({ seed: SHIPPED_BUILD.corpusSeed, size: 20000 }).map((e) => e.text),
    ]);
    expect(rows.filter((row) => training.has(row))).toEqual([]);
  });
});

describe('hand-written training prompts', () => {
  const directory = mkdtempSync(join(tmpdir(), 'hand-written-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('load with their labels, and the shipped set covers every head and benign text', () => {
    const { examples, files, digest } = loadHandWritten();
    expect(files.length).toBeGreaterThan(0);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    for (const head of ['injection', 'jailbreak', 'harmful'] as const)
      expect(examples.filter((e) => e[head] === 1).length).toBeGreaterThan(200);
    expect(examples.filter((e) => !e.injection && !e.jailbreak && !e.harmful).length).toBeGreaterThan(1000);
    expect(examples.every((e) => e.family.startsWith('hand:'))).toBe(true);
  });

  it('refuse a file with a bad line, naming the file and line', () => {
    writeFileSync(
      join(directory, 'bad.jsonl'),
      '{"text":"ok","injection":0,"jailbreak":0,"harmful":0,"family":"x"}\n{"text":"x","injection":2,"jailbreak":0,"harmful":0,"family":"x"}\n',
    );
    expect(() => loadHandWritten(directory)).toThrow(
      'bad.jsonl:2: injection, jailbreak and harmful must each be 0 or 1',
    );
  });
});

describe('trainer', () => {
  const small = { corpusSeed: 7, corpusSize: 400, train: { ...DEFAULT_TRAIN_OPTIONS, epochs: 2 }, normalize };

  it('produces identical weights when retrained on the same small sample', () => {
    const first = buildModel(small).serialized;
    const second = buildModel(small).serialized;
    expect(second.digest).toBe(first.digest);
    expect(renderWeightsModule(second)).toBe(renderWeightsModule(first));
    expect(buildModel({ ...small, corpusSeed: 8 }).serialized.digest).not.toBe(first.digest);
  });

  it('reproduces the committed weights module exactly (train-model --check)', () => {
    // The full corpus trains in about 20 s as compiled JavaScript but far slower under jest's transform,
    // so this runs the trainer's own check mode, compiled the way its documentation says.
    const library = resolve(__dirname, '../..');
    const compile = spawnSync(
      process.execPath,
      [
        require.resolve('@swc/cli/bin/swc.js'),
        'src',
        'training',
        '-d',
        'training/dist',
        '--config-file',
        '../../.swcrc',
        '--quiet',
        '--ignore',
        '**/*.spec.ts,training/dist/**',
      ],
      { cwd: library, encoding: 'utf8' },
    );
    expect(compile.stderr).toBe('');
    const check = spawnSync(process.execPath, ['training/dist/training/train-model.js', '--check'], {
      cwd: library,
      encoding: 'utf8',
    });
    expect(check.stdout).toContain('check: the committed weights are what the trainer produces');
    expect(check.stdout).toContain(`weights: digest ${MODEL_WEIGHTS.digest}`);
    expect(check.status).toBe(0);
    expect(weightsModulePath()).toBe(resolve(__dirname, 'model-weights.ts'));
  }, 240_000);
});
