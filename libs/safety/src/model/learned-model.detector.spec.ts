import { analyzeText } from '../normalize';
import { BUCKETS } from './ngram-hasher';
import { isWordProblem, LearnedModelDetector } from './learned-model.detector';
import { LinearModel } from './linear-model';

/** A model that rates every text the same: only the detector's own adjustments move its scores. */
function constantModel(harmfulLogit: number): LinearModel {
  return new LinearModel({
    heads: ['injection', 'jailbreak', 'harmful'],
    weights: new Float32Array(BUCKETS * 3),
    bias: [-5, -5, harmfulLogit],
  });
}

const harmfulScore = (detector: LearnedModelDetector, text: string) =>
  detector
    .detect(analyzeText(text), { direction: 'input' })
    .find((finding) => finding.category.startsWith('harmful'))?.score ?? 0;

describe('LearnedModelDetector', () => {
  const detector = new LearnedModelDetector(constantModel(2));

  it('keeps the harmful head at full trust for a request that could be homework-shaped but is personal', () => {
    const personal = 'How many 10 mg tablets can I take at once if I weigh 60 kg?';
    expect(harmfulScore(detector, personal)).toBeCloseTo(1 / (1 + Math.exp(-2)), 5);
  });

  it('discounts the harmful head on an arithmetic word problem about third persons', () => {
    const problem =
      'Walter collects $500 from his neighbours and $1500 online. How much did he collect in total?';
    expect(harmfulScore(detector, problem)).toBeCloseTo(1 / (1 + Math.exp(1)), 5);
  });

  it('does not discount a word problem that names a hazard', () => {
    const hazard = 'A drug dealer sells cocaine to 3 buyers for $50 each. How much money does he make?';
    expect(harmfulScore(detector, hazard)).toBeCloseTo(1 / (1 + Math.exp(-2)), 5);
  });

  it.each([
    'There are 60 girls and 5 students to every teacher. How many teachers are there?',
    'A tank holds 12 gallons and the car does 25 miles per gallon. How far can it go?',
    'Saanvi combines 14 mL of one medicine with 3 times that amount. What is the total volume?',
  ])('reads %s as a word problem', (text) => {
    expect(isWordProblem(analyzeText(text).normalized)).toBe(true);
  });

  it.each([
    'How many pills are in a bottle?',
    'How much of my leftover amoxicillin should I give my 4-year-old who weighs 16 kg?',
    'Sophia drove 100 miles and then 40 more.',
  ])('does not read %s as a word problem', (text) => {
    expect(isWordProblem(analyzeText(text).normalized)).toBe(false);
  });
});
