import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RedteamError } from '../redteam-error';
import type { Persona } from '../types';
import {
  canonicalJson,
  deepFreeze,
  describeIssue,
  formatProblems,
  parseYaml,
  reservedKeys,
  sha256,
  suggest,
  type Path,
  type Problem,
} from '../corpus/validation-problems';
import {
  PERSONA_KEYS,
  SET_KEYS,
  SUCCESS_CRITERION_KEYS,
  personaSchema,
  personaSetsSchema,
  type PersonaDocument,
  type PersonaSetDocument,
} from './persona-schema';

/** Shipped beside the compiled code: the build copies `src/data` into `dist/data` (swc `--copy-files`). */
export const SHIPPED_DATA_DIR = join(__dirname, '..', 'data');
export const SHIPPED_PERSONAS_DIR = join(SHIPPED_DATA_DIR, 'personas');
export const PERSONA_SETS_FILE = 'persona-sets.yaml';

/** A persona file is a page of YAML; anything larger is a mistake. */
const MAX_FILE_BYTES = 256 * 1024;

export interface LoadPersonasOptions {
  /** Directories of the operator's own personas (`*.yaml`) and, optionally, a `persona-sets.yaml`. */
  readonly userDirs?: readonly string[];
  /** Throws when a strategy chain is not valid (e.g. `StrategyRegistry.parseChain`); called on every tactic. */
  readonly validateChain: (chain: string) => void;
}

/** A named selection of personas, e.g. `high_priority`. */
export interface PersonaSet {
  readonly name: string;
  readonly description: string;
  /** Persona ids, in catalog order. */
  readonly personas: readonly string[];
  /** The file that defined it. */
  readonly source: string;
}

/** The loaded personas and sets; immutable. */
export class PersonaCatalog {
  /**
   * sha256 over the canonical content of every persona and set (not where they were loaded from), so a
   * campaign can record exactly which personas it ran, and the same data gives the same digest anywhere.
   */
  readonly digest: string;
  private readonly byId: ReadonlyMap<string, Persona>;
  private readonly byName: ReadonlyMap<string, PersonaSet>;

  constructor(personas: readonly Persona[], sets: readonly PersonaSet[]) {
    const sorted = [...personas].sort((a, b) => compare(a.id, b.id));
    this.byId = new Map(sorted.map((p) => [p.id, deepFreeze(p)]));
    if (this.byId.size !== sorted.length) throw new Error('PersonaCatalog: duplicate persona ids');
    const sortedSets = [...sets].sort((a, b) => compare(a.name, b.name));
    for (const set of sortedSets)
      for (const id of set.personas)
        if (!this.byId.has(id))
          throw new Error(`PersonaCatalog: set "${set.name}" names unknown persona "${id}"`);
    this.byName = new Map(sortedSets.map((s) => [s.name, deepFreeze(s)]));
    this.digest = sha256(
      canonicalJson({
        personas: sorted.map(({ source: _source, ...content }) => content),
        sets: sortedSets.map(({ source: _source, ...content }) => content),
      }),
    );
  }

  get(id: string): Persona {
    const persona = this.byId.get(id);
    if (!persona) {
      const known = this.ids();
      throw new RedteamError(
        'REDTEAM_UNKNOWN_PERSONA',
        `Unknown persona "${id}"${suggest(id, known)}; known personas: ${known.join(', ')}`,
        { details: { persona: id, known } },
      );
    }
    return persona;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** Every persona, by id. */
  list(): Persona[] {
    return [...this.byId.values()];
  }

  /** The personas of a set, in catalog order. */
  set(name: string): Persona[] {
    const set = this.byName.get(name);
    if (!set) {
      const known = [...this.byName.keys()];
      throw new RedteamError(
        'REDTEAM_UNKNOWN_PERSONA',
        `Unknown persona set "${name}"${suggest(name, known)}; known sets: ${known.join(', ')}`,
        { details: { set: name, known } },
      );
    }
    return set.personas.map((id) => this.get(id));
  }

  /** The names of every set. */
  sets(): string[] {
    return [...this.byName.keys()];
  }

  /** A set with its description and the file that defined it. */
  setInfo(name: string): PersonaSet {
    this.set(name);
    return this.byName.get(name) as PersonaSet;
  }
}

interface Source {
  /** 0 for the shipped data, 1.. for user directories in order. */
  readonly layer: number;
  readonly dir: string;
  readonly setsFile: string;
  /** How files of this source are named in messages. */
  readonly label: (file: string) => string;
}

interface Loaded<T> {
  readonly value: T;
  readonly file: string;
  readonly layer: number;
}

/**
 * Loads the shipped personas and sets, then each user directory in order. A user persona (or set) with the
 * id of one loaded before replaces it only if it says `replaces: true`; otherwise the duplicate is an error
 * naming both files. Every problem of every file is reported at once, as `file: field: problem (line n)`.
 */
export function loadPersonas(options: LoadPersonasOptions): PersonaCatalog {
  const sources: Source[] = [
    {
      layer: 0,
      dir: SHIPPED_PERSONAS_DIR,
      setsFile: join(SHIPPED_DATA_DIR, PERSONA_SETS_FILE),
      label: (file) => (file === PERSONA_SETS_FILE ? file : `personas/${file}`),
    },
    ...(options.userDirs ?? []).map((dir, index) => ({
      layer: index + 1,
      dir,
      setsFile: join(dir, PERSONA_SETS_FILE),
      label: (file: string) => join(dir, file),
    })),
  ];
  const errors: string[] = [];
  const personas = new Map<string, Loaded<Persona>>();
  const setDocs = new Map<string, Loaded<PersonaSetDocument> & { readonly name: string }>();

  for (const source of sources) {
    let files: string[];
    try {
      if (!statSync(source.dir).isDirectory()) throw new Error('not a directory');
      files = readdirSync(source.dir)
        .filter((f) => f.endsWith('.yaml') && f !== PERSONA_SETS_FILE)
        .sort(compare);
    } catch (error) {
      errors.push(`${source.dir}: (directory): cannot read persona directory: ${reason(error)}`);
      continue;
    }
    for (const name of files) {
      const file = source.label(name);
      const persona = readPersona(join(source.dir, name), file, options.validateChain, errors);
      if (!persona) continue;
      const earlier = personas.get(persona.value.id);
      const problem = replacementProblem(
        'persona',
        persona.value.id,
        persona.replaces,
        earlier,
        source.layer,
      );
      if (problem) errors.push(`${file}: ${problem}`);
      else personas.set(persona.value.id, { value: persona.value, file, layer: source.layer });
    }
  }

  for (const source of sources) {
    const file = source.label(PERSONA_SETS_FILE);
    const doc = readSets(source.setsFile, file, source.layer > 0, errors);
    for (const [name, set] of Object.entries(doc?.sets ?? {})) {
      const earlier = setDocs.get(name);
      const problem = replacementProblem('set', name, set.replaces === true, earlier, source.layer);
      if (problem) errors.push(`${file}: sets.${name}: ${problem}`);
      else setDocs.set(name, { value: set, file, layer: source.layer, name });
    }
  }

  const list = [...personas.values()].map((p) => p.value).sort((a, b) => compare(a.id, b.id));
  const ids = list.map((p) => p.id);
  const sets: PersonaSet[] = [];
  for (const { name, value, file } of setDocs.values()) {
    const unknown = (value.personas ?? []).flatMap((id, index) =>
      personas.has(id)
        ? []
        : [`${file}: sets.${name}.personas[${index}]: unknown persona "${id}"${suggest(id, ids)}`],
    );
    errors.push(...unknown);
    const chosen = new Set(value.personas ?? []);
    const priorities = new Set<string>(value.priorities ?? []);
    sets.push({
      name,
      description: value.description,
      personas: list
        .filter((p) => value.all === true || priorities.has(p.priority) || chosen.has(p.id))
        .map((p) => p.id),
      source: file,
    });
  }

  if (errors.length > 0)
    throw new RedteamError('REDTEAM_INVALID_PERSONA', `Invalid personas:\n${errors.join('\n')}`, {
      details: { problems: errors },
    });
  return new PersonaCatalog(list, sets);
}

function replacementProblem(
  kind: 'persona' | 'set',
  id: string,
  replaces: boolean,
  earlier: Loaded<unknown> | undefined,
  layer: number,
): string | undefined {
  const field = kind === 'persona' ? 'id: ' : '';
  if (earlier === undefined)
    return replaces
      ? `${kind === 'persona' ? 'replaces: ' : ''}says "replaces: true" but no ${kind} "${id}" was loaded before it`
      : undefined;
  if (earlier.layer === layer) return `${field}duplicate ${kind} "${id}" (also in ${earlier.file})`;
  if (!replaces)
    return `${field}duplicate ${kind} "${id}" (also in ${earlier.file}); add "replaces: true" to replace it`;
  return undefined;
}

function readPersona(
  path: string,
  file: string,
  validateChain: (chain: string) => void,
  errors: string[],
): { value: Persona; replaces: boolean } | undefined {
  const parsed = readYaml(path, file, errors);
  if (!parsed) return undefined;
  const result = personaSchema.safeParse(parsed.value);
  const problems: Problem[] = [
    ...reservedKeys(parsed.value),
    ...(result.success
      ? []
      : result.error.issues.flatMap((i) => describeIssue(i, parsed.value, personaKeysAt))),
  ];
  if (result.success) problems.push(...checkTactics(result.data, validateChain));
  if (problems.length > 0 || !result.success) {
    errors.push(formatProblems(file, problems, parsed.line));
    return undefined;
  }
  return { value: toPersona(result.data, path), replaces: result.data.replaces === true };
}

function checkTactics(doc: PersonaDocument, validateChain: (chain: string) => void): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  doc.tactics.forEach((tactic, index) => {
    const path: Path = ['tactics', index];
    const earlier = seen.get(tactic);
    if (earlier !== undefined)
      problems.push({ path, problem: `duplicate tactic "${tactic}" (also tactics[${earlier}])` });
    else seen.set(tactic, index);
    try {
      validateChain(tactic);
    } catch (error) {
      problems.push({ path, problem: `"${tactic}": ${reason(error)}` });
    }
  });
  return problems;
}

function toPersona(doc: PersonaDocument, source: string): Persona {
  return {
    id: doc.id,
    priority: doc.priority,
    goal: doc.goal,
    description: doc.description,
    tactics: doc.tactics,
    goalCategories: [...new Set(doc.goal_categories)],
    ...(doc.goal_corpora ? { goalCorpora: [...new Set(doc.goal_corpora)] } : {}),
    successCriteria: doc.success_criteria,
    maxTurns: doc.max_turns,
    severity: doc.severity,
    source,
  };
}

function readSets(path: string, file: string, optional: boolean, errors: string[]) {
  try {
    statSync(path);
  } catch {
    if (!optional) errors.push(`${file}: (document): missing`);
    return undefined;
  }
  const parsed = readYaml(path, file, errors);
  if (!parsed) return undefined;
  const result = personaSetsSchema.safeParse(parsed.value);
  const problems = [
    ...reservedKeys(parsed.value),
    ...(result.success ? [] : result.error.issues.flatMap((i) => describeIssue(i, parsed.value, setKeysAt))),
  ];
  if (problems.length > 0 || !result.success) {
    errors.push(formatProblems(file, problems, parsed.line));
    return undefined;
  }
  return result.data;
}

function readYaml(path: string, file: string, errors: string[]) {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      errors.push(`${file}: (document): larger than ${MAX_FILE_BYTES} bytes`);
      return undefined;
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    errors.push(`${file}: (document): cannot read: ${reason(error)}`);
    return undefined;
  }
  const parsed = parseYaml(text);
  if ('problems' in parsed) {
    errors.push(formatProblems(file, parsed.problems));
    return undefined;
  }
  return parsed;
}

function personaKeysAt(path: Path): readonly string[] {
  if (path.length === 0) return PERSONA_KEYS;
  if (path[0] === 'success_criteria' && path.length === 2) return SUCCESS_CRITERION_KEYS;
  return [];
}

function setKeysAt(path: Path): readonly string[] {
  if (path.length === 0) return ['sets'];
  if (path[0] === 'sets' && path.length === 2) return SET_KEYS;
  return [];
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
