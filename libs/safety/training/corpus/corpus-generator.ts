import { SeededRandom } from '../seeded-random';
import {
  defensiveEngineering,
  everyday,
  fiction,
  history,
  math,
  medicine,
  programming,
  rolePlay,
  sameShapeBenign,
  securityEducation,
} from './benign.families';
import { accessControlTask, programSpec } from './benign-engineering.families';
import {
  characterRolePlay,
  ethicsDiscussion,
  everydayOverrides,
  fewShot,
  instructionTask,
  multilingual,
  narrative,
  shortAsk,
  wordProblem,
} from './benign-tasks.families';
import type { Example } from './example';
import { benignDocument, directInjection, extraction, indirectInjection } from './injection.families';
import {
  fictionWrapper,
  harmfulRequest,
  manyShot,
  personaJailbreak,
  refusalSuppression,
  suffixAttack,
} from './jailbreak.families';

export type { Example } from './example';

/** Each family with its share of the corpus. Attacks are a little under half, as in a hard test set. */
const FAMILIES: readonly [number, (r: SeededRandom) => Example][] = [
  [6, directInjection],
  [5, extraction],
  [7, indirectInjection],
  [8, personaJailbreak],
  [4, fictionWrapper],
  [3, refusalSuppression],
  [1.5, manyShot],
  [2, suffixAttack],
  [9, harmfulRequest],
  [8, rolePlay],
  [6, securityEducation],
  [6, defensiveEngineering],
  [7, sameShapeBenign],
  [5, programming],
  [3, fiction],
  [3, history],
  [3, medicine],
  [4, math],
  [6, everyday],
  [7, benignDocument],
  [10, instructionTask],
  [7, programSpec],
  [5, wordProblem],
  [3, characterRolePlay],
  [2, multilingual],
  [2, fewShot],
  [3, everydayOverrides],
  [4, narrative],
  [2, ethicsDiscussion],
  [4, accessControlTask],
  [4, shortAsk],
];

/** How often one exact text may appear. */
const MAX_REPEATS = 4;

export interface CorpusOptions {
  seed: number;
  /** Number of distinct examples wanted. */
  size: number;
}

/**
 * The project's own training corpus: attack and benign families expanded from templates with a seeded
 * random generator. Same options, same corpus, byte for byte. A text may repeat only a few times, so that
 * families with few distinct texts keep some weight without drowning the rest.
 */
export function generateCorpus(options: CorpusOptions): Example[] {
  const r = new SeededRandom(options.seed);
  const total = FAMILIES.reduce((sum, [weight]) => sum + weight, 0);
  const seen = new Map<string, number>();
  const corpus: Example[] = [];
  for (let attempts = 0; corpus.length < options.size && attempts < options.size * 20; attempts++) {
    let pick = r.next() * total;
    let family = FAMILIES[FAMILIES.length - 1][1];
    for (const [weight, generate] of FAMILIES) {
      pick -= weight;
      if (pick < 0) {
        family = generate;
        break;
      }
    }
    const example = family(r);
    const text = example.text.trim();
    const times = seen.get(text) ?? 0;
    if (text.length === 0 || times >= MAX_REPEATS) continue;
    seen.set(text, times + 1);
    corpus.push({ ...example, text });
  }
  return corpus;
}
