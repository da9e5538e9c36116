import { BUCKETS, featureCapacity, hashFeatures } from './ngram-hasher';

/** What the model scores: one logistic head per attack family, sharing one hashed feature space. */
export const MODEL_HEADS = ['injection', 'jailbreak', 'harmful'] as const;
export type ModelHead = (typeof MODEL_HEADS)[number];

export interface LinearModelParameters {
  readonly heads: readonly string[];
  /**
   * `BUCKETS × heads.length`, interleaved by bucket so one feature touches one cache line. Int8 weights
   * (with `scale` per head) keep the table four times smaller than floats: inference is memory-bound.
   */
  readonly weights: Float32Array | Int8Array;
  /** Per head, what one unit of an int8 weight is worth; 1 for float weights. */
  readonly scale?: readonly number[];
  readonly bias: readonly number[];
}

/**
 * Logistic regression over hashed character and word n-grams (see `ngram-hasher`). A text's features are
 * summed per head and scaled by 1/√(number of features), so a long prompt does not saturate the model just
 * by being long. Inference allocates nothing: the feature buffer lives in the instance and is reused.
 */
export class LinearModel {
  readonly heads: readonly string[];
  private readonly weights: Float32Array | Int8Array;
  private readonly scale: Float64Array;
  private readonly bias: Float64Array;
  private buckets = new Int32Array(featureCapacity(2048));

  constructor(parameters: LinearModelParameters) {
    const width = parameters.heads.length;
    if (parameters.weights.length !== BUCKETS * width || parameters.bias.length !== width)
      throw new RangeError(
        `model shape mismatch: ${parameters.weights.length} weights and ${parameters.bias.length} biases for ${width} heads of ${BUCKETS} buckets`,
      );
    this.heads = parameters.heads;
    this.weights = parameters.weights;
    this.bias = Float64Array.from(parameters.bias);
    this.scale = Float64Array.from(parameters.scale ?? parameters.heads.map(() => 1));
  }

  /** Probability per head for normalised text, written into `out` (allocated when not given). */
  predict(text: string, out: Float64Array = new Float64Array(this.heads.length)): Float64Array {
    this.logits(text, out);
    for (let h = 0; h < out.length; h++) out[h] = 1 / (1 + Math.exp(-out[h]));
    return out;
  }

  /** Raw log-odds per head. */
  logits(text: string, out: Float64Array = new Float64Array(this.heads.length)): Float64Array {
    const capacity = featureCapacity(text.length);
    if (this.buckets.length < capacity) this.buckets = new Int32Array(capacity);
    const buckets = this.buckets;
    const count = hashFeatures(text, buckets);
    const weights = this.weights;
    const width = this.heads.length;
    const norm = count > 0 ? 1 / Math.sqrt(count) : 0;
    if (width === 3) {
      let a = 0;
      let b = 0;
      let c = 0;
      for (let k = 0; k < count; k++) {
        const at = buckets[k] * 3;
        a += weights[at];
        b += weights[at + 1];
        c += weights[at + 2];
      }
      out[0] = this.bias[0] + a * this.scale[0] * norm;
      out[1] = this.bias[1] + b * this.scale[1] * norm;
      out[2] = this.bias[2] + c * this.scale[2] * norm;
      return out;
    }
    for (let h = 0; h < width; h++) {
      let sum = 0;
      for (let k = 0; k < count; k++) sum += weights[buckets[k] * width + h];
      out[h] = this.bias[h] + sum * this.scale[h] * norm;
    }
    return out;
  }
}
