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
import { advice, customerSupport, planning, shortQuestion, writingTask } from './benign-assistant.families';
import { aiQuestion, lifeRequest, padded } from './benign-balance.families';
import { wordUse } from './benign-words.families';
import { contextRequest } from './benign-context.families';
import {
  joinExercise,
  noPreamble,
  ownContextQuestion,
  ownInstructionChange,
  personaTwin,
} from './benign-twins.families';
import { codeReview, codingSpec, devQuestion } from './benign-devops.families';
import { accessControlTask, programSpec } from './benign-engineering.families';
import { hardNegative, modeQuestion } from './benign-hard-negatives.families';
import { awarenessQuestion, safetyQuestion } from './benign-safety.families';
import { benignArtifact, benignHowTo } from './benign-howto.families';
import { conversion, fillInBlank, mathQuestion, wordProblemMix } from './benign-math.families';
import { emailErrand, pastedContent, textTransform } from './benign-pasted.families';
import { characterPersona, professionalPersona, simulatedSystem } from './benign-personas.families';
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
import { harmfulArtifact, harmfulTask } from './harmful-tasks.families';
import { disguised, fakeHandover, personaSheet, villainMonologue } from './jailbreak-disguise.families';
import {
  composedJailbreak,
  hypotheticalJailbreak,
  longJailbreak,
  ruleListJailbreak,
} from './jailbreak-styles.families';
import { benignDocument, directInjection, extraction, indirectInjection } from './injection.families';
import {
  acknowledgedRule,
  authorityClaim,
  incentiveAttack,
  payloadSplit,
  privateDataRequest,
} from './injection-social.families';
import {
  fictionWrapper,
  harmfulRequest,
  manyShot,
  personaJailbreak,
  refusalSuppression,
  suffixAttack,
} from './jailbreak.families';
import { multilingualBenign, multilingualInjection } from './multilingual.families';
import { benignPairedQuestion, harmfulShortQuestion } from './paired-questions.families';

export type { Example } from './example';

/**
 * Each family with its share of the corpus. Attacks are a little over a third. Benign traffic is spread
 * over many compositional families (no family above ~4%), because a model trained on few benign shapes
 * learns their wording as "benign" and everything else as suspect.
 */
const FAMILIES: readonly [number, (r: SeededRandom) => Example][] = [
  // Attacks.
  [8, directInjection],
  [6, extraction],
  [9, indirectInjection],
  [10, personaJailbreak],
  [5, fictionWrapper],
  [4, refusalSuppression],
  [2, manyShot],
  [2.5, suffixAttack],
  [10, harmfulRequest],
  [4, privateDataRequest],
  [4, authorityClaim],
  [2.5, incentiveAttack],
  [2, acknowledgedRule],
  [2, payloadSplit],
  [4, multilingualInjection],
  [10, harmfulTask],
  [4, harmfulArtifact],
  [8, composedJailbreak],
  [3, hypotheticalJailbreak],
  [3, ruleListJailbreak],
  [5, longJailbreak],
  [6, harmfulShortQuestion],
  [3, personaSheet],
  [3, fakeHandover],
  [2, villainMonologue],
  [2, disguised(composedJailbreak)],
  [1.5, disguised(personaJailbreak)],
  [1.5, disguised(directInjection)],
  [1.5, padded(harmfulRequest)],
  [1, padded(harmfulTask)],
  [1, padded(directInjection)],
  [0.5, padded(extraction)],
  // Benign: the original families.
  [5, rolePlay],
  [4, securityEducation],
  [3, defensiveEngineering],
  [4, sameShapeBenign],
  [3, programming],
  [3, fiction],
  [3, history],
  [3, medicine],
  [2, math],
  [4, everyday],
  [7, benignDocument],
  [6, instructionTask],
  [4, programSpec],
  [2, wordProblem],
  [2, characterRolePlay],
  [1, multilingual],
  [2, fewShot],
  [3, everydayOverrides],
  [3, narrative],
  [2, ethicsDiscussion],
  [3, accessControlTask],
  [3, shortAsk],
  // Benign: compositional assistant traffic.
  [5, writingTask],
  [4, planning],
  [4, advice],
  [3, customerSupport],
  [5, shortQuestion],
  [4, emailErrand],
  [5, pastedContent],
  [4, textTransform],
  [5, wordProblemMix],
  [2, conversion],
  [2, fillInBlank],
  [2, mathQuestion],
  [7, professionalPersona],
  [3, characterPersona],
  [2, simulatedSystem],
  [6, codingSpec],
  [5, devQuestion],
  [2, codeReview],
  [14, benignHowTo],
  [3, benignArtifact],
  [5, hardNegative],
  [2, modeQuestion],
  [3, multilingualBenign],
  [8, benignPairedQuestion],
  [4, awarenessQuestion],
  [4, safetyQuestion],
  [1, disguised(writingTask)],
  [1, disguised(shortQuestion)],
  [1, disguised(professionalPersona)],
  [1, disguised(advice)],
  [3, aiQuestion],
  [8, lifeRequest],
  [4, wordUse],
  [5, contextRequest],
  [5, personaTwin],
  [3, ownInstructionChange],
  [2, ownContextQuestion],
  [1.5, noPreamble],
  [1, joinExercise],
  [1, padded(writingTask)],
  [1.5, padded(shortQuestion)],
  [3, padded(benignHowTo)],
  [1, padded(advice)],
  [1, padded(codingSpec)],
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
