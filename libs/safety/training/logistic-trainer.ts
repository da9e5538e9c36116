import { BUCKETS, featureCapacity, hashFeatures } from '../src/model/ngram-hasher';
import { SeededRandom } from './seeded-random';

export interface TrainOptions {
  epochs: number;
  /** AdaGrad base learning rate. */
  learningRate: number;
  /** L2 penalty, applied to the weights an example touches. */
  l2: number;
  /** Orders the examples in each epoch. */
  seed: number;
  /**
   * Weight of a positive example's loss relative to a negative one's, per head. The corpus is mostly benign
   * (so that benign wording is well covered), which leaves the heads calibrated below where fusion's block
   * line sits; weighting attacks up moves the decision boundary back without shrinking the benign side.
   * One weight per head, in `MODEL_HEADS` order (injection, jailbreak, harmful).
   */
  positiveWeight: readonly number[];
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 5,
  learningRate: 0.2,
  l2: 1e-5,
  seed: 1,
  positiveWeight: [1.75, 2.25, 1.75],
};

export interface TrainedWeights {
  /** `BUCKETS × heads`, interleaved by bucket, as `LinearModel` reads them. */
  weights: Float64Array;
  bias: number[];
}

/**
 * One-vs-rest logistic regression over hashed n-gram features with AdaGrad, every head trained on the same
 * pass over the examples. Features are extracted once and kept as bucket lists. Deterministic: the order of
 * examples comes from a seeded generator and all arithmetic is IEEE double precision.
 */
export function trainLogistic(
  texts: readonly string[],
  labels: readonly (readonly number[])[],
  heads: number,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): TrainedWeights {
  const features = extract(texts);
  const weights = new Float64Array(BUCKETS * heads);
  const squares = new Float64Array(BUCKETS * heads);
  const bias = new Float64Array(heads);
  const biasSquares = new Float64Array(heads);
  const order = texts.map((_, i) => i);
  const random = new SeededRandom(options.seed);
  const logits = new Float64Array(heads);
  const gradients = new Float64Array(heads);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    random.shuffle(order);
    for (const i of order) {
      const from = features.offsets[i];
      const to = features.offsets[i + 1];
      const scale = to > from ? 1 / Math.sqrt(to - from) : 0;
      for (let h = 0; h < heads; h++) logits[h] = bias[h];
      for (let k = from; k < to; k++) {
        const at = features.buckets[k] * heads;
        for (let h = 0; h < heads; h++) logits[h] += weights[at + h] * scale;
      }
      for (let h = 0; h < heads; h++) {
        const p = 1 / (1 + Math.exp(-logits[h]));
        gradients[h] = (p - labels[i][h]) * (labels[i][h] === 1 ? options.positiveWeight[h] : 1);
        biasSquares[h] += gradients[h] * gradients[h];
        bias[h] -= (options.learningRate * gradients[h]) / Math.sqrt(biasSquares[h] + 1e-8);
      }
      for (let k = from; k < to; k++) {
        const at = features.buckets[k] * heads;
        for (let h = 0; h < heads; h++) {
          const g = gradients[h] * scale + options.l2 * weights[at + h];
          squares[at + h] += g * g;
          weights[at + h] -= (options.learningRate * g) / Math.sqrt(squares[at + h] + 1e-8);
        }
      }
    }
  }
  return { weights, bias: [...bias] };
}

/** Every text's feature buckets, concatenated, with the offset where each text's begin. */
function extract(texts: readonly string[]): { buckets: Int32Array; offsets: Int32Array } {
  let buckets = new Int32Array(1 << 20);
  let length = 0;
  let scratch = new Int32Array(featureCapacity(4096));
  const offsets = new Int32Array(texts.length + 1);
  texts.forEach((text, i) => {
    offsets[i] = length;
    const capacity = featureCapacity(text.length);
    if (scratch.length < capacity) scratch = new Int32Array(capacity);
    const count = hashFeatures(text, scratch);
    while (length + count > buckets.length) {
      const grown = new Int32Array(buckets.length * 2);
      grown.set(buckets);
      buckets = grown;
    }
    buckets.set(scratch.subarray(0, count), length);
    length += count;
  });
  offsets[texts.length] = length;
  return { buckets, offsets };
}
