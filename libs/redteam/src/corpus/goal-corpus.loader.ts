import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RedteamError } from '../redteam-error';
import type { Goal, GoalCategory } from '../types';
import {
  GOAL_ROW_KEYS,
  MANIFEST_CORPUS_KEYS,
  MANIFEST_KEYS,
  goalManifestSchema,
  goalRowSchema,
  type GoalManifestDocument,
} from './goal-schema';
import {
  canonicalJson,
  deepFreeze,
  describeIssue,
  formatProblems,
  reservedKeys,
  sha256,
  suggest,
  type Path,
  type Problem,
} from './validation-problems';

/** Shipped beside the compiled code: the build copies `src/data` into `dist/data` (swc `--copy-files`). */
export const SHIPPED_GOAL_MANIFEST = join(__dirname, '..', 'data', 'goals', 'manifest.json');
export const REHASH_COMMAND = 'node libs/redteam/scripts/rehash-goals.mjs';

const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_CORPUS_BYTES = 16 * 1024 * 1024;
/** Enough to fix a file in one round without drowning the message. */
const MAX_PROBLEMS_PER_FILE = 20;

export interface LoadGoalCorporaOptions {
  /** The operator's own manifests (JSON, same format as the shipped one), loaded after it. */
  readonly manifests?: readonly string[];
}

export interface CorpusInfo {
  readonly name: string;
  /** As written in the manifest, relative to it. */
  readonly file: string;
  readonly sha256: string;
  readonly count: number;
  readonly description: string;
  /** The manifest's version label. */
  readonly version: string;
}

/** Every goal of the loaded corpora; immutable. */
export class GoalCatalog {
  /**
   * The manifests' versions and a short digest over every manifest and corpus hash, e.g.
   * `2026.12.0+3f2a9c1d04be`: two catalogs with the same version hold byte-identical goals.
   */
  readonly version: string;
  readonly corpora: readonly CorpusInfo[];
  private readonly byId: ReadonlyMap<string, Goal>;

  constructor(version: string, corpora: readonly CorpusInfo[], goals: readonly Goal[]) {
    this.version = version;
    this.corpora = deepFreeze([...corpora]);
    this.byId = new Map(goals.map((g) => [g.id, deepFreeze(g)]));
    if (this.byId.size !== goals.length) throw new Error('GoalCatalog: duplicate goal ids');
  }

  get(id: string): Goal {
    const goal = this.byId.get(id);
    if (!goal) {
      const known = [...this.byId.keys()];
      const corpora = this.corpora.map((c) => c.name);
      throw new RedteamError(
        'REDTEAM_UNKNOWN_GOAL',
        `Unknown goal "${id}"${suggest(id, known)}; goal ids are "<corpus>/<slug>" with corpus one of ${corpora.join(', ')}`,
        { details: { goal: id, corpora } },
      );
    }
    return goal;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Every goal, in manifest order and then file order. */
  list(): Goal[] {
    return [...this.byId.values()];
  }

  /** The goals of any of these categories, in catalog order. */
  byCategory(categories: readonly GoalCategory[]): Goal[] {
    const wanted = new Set(categories);
    return this.list().filter((g) => wanted.has(g.category));
  }

  /** The categories that have at least one goal. */
  categories(): GoalCategory[] {
    return [...new Set(this.list().map((g) => g.category))];
  }
}

interface LoadedManifest {
  readonly path: string;
  readonly label: string;
  readonly doc: GoalManifestDocument;
}

/**
 * Loads the shipped goal manifest and then the given ones. Each corpus file's sha256 is checked against its
 * manifest before a byte of it is parsed (`REDTEAM_CORPUS_TAMPERED`); every row is validated
 * (`REDTEAM_CORPUS_INVALID`, with line numbers), the manifest's goal count must match and ids must be unique.
 */
export function loadGoalCorpora(options: LoadGoalCorporaOptions = {}): GoalCatalog {
  const manifests: LoadedManifest[] = [
    readManifest(SHIPPED_GOAL_MANIFEST, 'goals/manifest.json'),
    ...(options.manifests ?? []).map((path) => readManifest(resolve(path), path)),
  ];
  const corpusOwner = new Map<string, string>();
  const corpora: CorpusInfo[] = [];
  const goals: Goal[] = [];
  for (const manifest of manifests) {
    manifest.doc.corpora.forEach((corpus, index) => {
      const owner = corpusOwner.get(corpus.name);
      if (owner !== undefined)
        throw invalid(
          `${manifest.label}: corpora[${index}].name: duplicate corpus "${corpus.name}" (also in ${owner})`,
        );
      corpusOwner.set(corpus.name, manifest.label);
      const label =
        manifest.label === 'goals/manifest.json'
          ? `goals/${corpus.file}`
          : join(dirname(manifest.label), corpus.file);
      const rows = readCorpus(join(dirname(manifest.path), corpus.file), label, corpus.sha256);
      if (rows.length !== corpus.goals)
        throw invalid(
          `${manifest.label}: corpora[${index}].goals: says ${corpus.goals} goals but ${label} has ${rows.length}; run \`${REHASH_COMMAND}\``,
        );
      for (const row of rows)
        goals.push({
          id: `${corpus.name}/${row.id}`,
          corpus: corpus.name,
          category: row.category,
          text: row.text,
          topic: row.topic,
          indicators: row.indicators,
        });
      corpora.push({
        name: corpus.name,
        file: corpus.file,
        sha256: corpus.sha256,
        count: rows.length,
        description: corpus.description,
        version: manifest.doc.version,
      });
    });
  }
  const digest = sha256(
    canonicalJson(
      manifests.map(({ doc }) => ({
        version: doc.version,
        corpora: doc.corpora.map((c) => ({ name: c.name, sha256: c.sha256, goals: c.goals })),
      })),
    ),
  ).slice(0, 12);
  const versions = [...new Set(manifests.map((m) => m.doc.version))];
  return new GoalCatalog(`${versions.join(',')}+${digest}`, corpora, goals);
}

function readManifest(path: string, label: string): LoadedManifest {
  const text = readBounded(path, label, MAX_MANIFEST_BYTES).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(`${label}: (document): invalid JSON: ${reason(error)}`);
  }
  const result = goalManifestSchema.safeParse(value);
  const problems = [
    ...reservedKeys(value),
    ...(result.success ? [] : result.error.issues.flatMap((i) => describeIssue(i, value, manifestKeysAt))),
  ];
  if (problems.length > 0 || !result.success) throw invalid(formatProblems(label, problems));
  return { path, label, doc: result.data };
}

type Row = ReturnType<typeof goalRowSchema.parse>;

function readCorpus(path: string, label: string, expected: string): Row[] {
  const bytes = readBounded(path, label, MAX_CORPUS_BYTES);
  // Before parsing: a tampered file is not read at all, however harmless it looks.
  const actual = sha256(bytes);
  if (actual !== expected)
    throw new RedteamError(
      'REDTEAM_CORPUS_TAMPERED',
      `${label}: sha256 mismatch: the manifest expects ${expected}, the file has ${actual}. If you edited it on purpose, run \`${REHASH_COMMAND}\` and review the diff`,
      { details: { file: label, expected, actual } },
    );
  const rows: Row[] = [];
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  bytes
    .toString('utf8')
    .split('\n')
    .forEach((raw, index) => {
      const line = index + 1;
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (text.trim() === '' || problems.length >= MAX_PROBLEMS_PER_FILE) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        problems.push(`${label}: line ${line}: invalid JSON: ${reason(error)}`);
        return;
      }
      const result = goalRowSchema.safeParse(value);
      const rowProblems: Problem[] = [
        ...reservedKeys(value),
        ...(result.success ? [] : result.error.issues.flatMap((i) => describeIssue(i, value, rowKeysAt))),
      ];
      if (result.success) {
        const earlier = firstLine.get(result.data.id);
        if (earlier !== undefined)
          rowProblems.push({
            path: ['id'],
            problem: `duplicate id "${result.data.id}" (also line ${earlier})`,
          });
        else firstLine.set(result.data.id, line);
      }
      if (rowProblems.length > 0 || !result.success)
        problems.push(formatProblems(`${label}: line ${line}`, rowProblems));
      else rows.push(result.data);
    });
  if (problems.length > 0) throw invalid(problems.join('\n'));
  return rows;
}

function readBounded(path: string, label: string, max: number): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw invalid(`${label}: (document): cannot read: ${reason(error)}`);
  }
  if (size > max) throw invalid(`${label}: (document): larger than ${max} bytes`);
  return readFileSync(path);
}

function manifestKeysAt(path: Path): readonly string[] {
  if (path.length === 0) return MANIFEST_KEYS;
  if (path[0] === 'corpora' && path.length === 2) return MANIFEST_CORPUS_KEYS;
  return [];
}

function rowKeysAt(path: Path): readonly string[] {
  return path.length === 0 ? GOAL_ROW_KEYS : [];
}

function invalid(message: string): RedteamError {
  return new RedteamError('REDTEAM_CORPUS_INVALID', message);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
