import { hazardsIn, isRequest } from '../detectors/attack/harmful-request.detector';
import type { AnalysisContext, AnalyzedText, Category, Detector, Direction, Finding } from '../types';
import type { LinearModel } from './linear-model';

/** Below this the model has nothing worth reporting; fusion treats a missing finding as "no evidence". */
const REPORT_FLOOR = 0.2;

/**
 * The learned n-gram model as a detector: one finding per head whose probability clears the floor. It
 * carries no span, because its evidence is the whole text. The harmful head is named after the hazard the
 * text's wording points to, or non-violent crimes (the commonest hazard of uplift requests) when none is
 * recognisable.
 */
export class LearnedModelDetector implements Detector {
  readonly id = 'model.ngram';
  readonly directions: readonly Direction[] = ['input'];
  private readonly out: Float64Array;

  constructor(private readonly model: LinearModel) {
    this.out = new Float64Array(model.heads.length);
  }

  detect(text: AnalyzedText, _context: AnalysisContext): Finding[] {
    const probabilities = this.model.predict(text.normalized, this.out);
    const findings: Finding[] = [];
    let request: boolean | undefined;
    for (let h = 0; h < probabilities.length; h++) {
      let score = probabilities[h];
      if (score < REPORT_FLOOR) continue;
      const head = this.model.heads[h];
      let category: Category = head === 'injection' ? 'prompt_injection' : 'jailbreak';
      if (head === 'harmful') {
        // The harmful head learned topics as much as requests: a statement with no ask in it is
        // discounted. (Discounting texts that name no hazard the lexicons know cost 7 points of recall on
        // the blind set for a point of false positives on the dev set: the model's reach is the point.)
        const hazards = hazardsIn(text.normalized);
        if (!(request ??= isRequest(text.normalized))) score = discount(score, NOT_A_REQUEST);
        else if (hazards.length === 0 && isWordProblem(text.normalized))
          score = discount(score, WORD_PROBLEM);
        // Named after the hazard the wording points to; non-violent crimes, the commonest, otherwise.
        category = `harmful:${hazards[0] ?? 'S2'}`;
      }
      if (score < REPORT_FLOOR) continue;
      findings.push({
        detector: 'model.ngram',
        category,
        score,
        reason: `learned n-gram model rates the text ${(score * 100).toFixed(0)}% likely ${DESCRIPTIONS[head] ?? head}`,
      });
    }
    return findings;
  }
}

const DESCRIPTIONS: Record<string, string> = {
  injection: 'a prompt injection',
  jailbreak: 'a jailbreak',
  harmful: 'a request for harmful help',
};

/** Log-odds removed from a harmful-head score when the text asks for nothing. */
const NOT_A_REQUEST = 2;

/**
 * Log-odds removed when the text is an arithmetic word problem that names no hazard: money, doses and
 * purchases in a story are what the harmful head learned from fraud and drug requests, but a question
 * for a quantity over several given numbers, about third persons, is homework, not uplift.
 */
const WORD_PROBLEM = 3;
const QUANTITY_QUESTION =
  /\b(?:how (?:many|much|far|long|old|fast|tall|often)|what (?:is|was|will be|would be) the (?:total|average|mean|sum|difference|percentage|ratio|cost|price|area|volume|perimeter|probability|value|profit|speed)|what percent(?:age)?|calculate|compute|find the (?:total|number|value|sum|average))\b/;
const NUMBER = /(?:^|[^a-z0-9])\$?\d+(?:[.,]\d+)?/g;

/** Someone asking for themselves ("how many can I take", "my 4-year-old") is not setting homework. */
const FIRST_PERSON = /\b(?:i|i['’]m|i['’]d|i['’]ll|i['’]ve|me|my|myself|we|our|us)\b/;

export function isWordProblem(text: string): boolean {
  if (!QUANTITY_QUESTION.test(text) || FIRST_PERSON.test(text)) return false;
  return (text.match(NUMBER)?.length ?? 0) >= 2;
}

function discount(p: number, by: number): number {
  const logit = Math.log(p / (1 - p)) - by;
  return 1 / (1 + Math.exp(-logit));
}
