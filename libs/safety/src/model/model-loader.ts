import { CharBigramModel } from './char-bigram';
import { LinearModel } from './linear-model';
import { MODEL_WEIGHTS } from './model-weights';
import { BUCKETS, HASH_BITS } from './ngram-hasher';
import { decodeSparse, ModelError, weightsDigest, type QuantizedWeights } from './weights-codec';

/** The weights module's shape, as `train-model` writes it. */
export interface SerializedModel {
  readonly format: string;
  readonly hashBits: number;
  readonly heads: readonly string[];
  readonly bias: readonly number[];
  readonly scale: readonly number[];
  /** How the corpus the weights were trained on was generated, and its SHA-256. */
  readonly corpus: { readonly seed: number; readonly size: number; readonly digest: string };
  /** SHA-256 over the quantised weights and the bigram table: what `train-model --check` compares. */
  readonly digest: string;
  /** Sparse int8 weights, base64 (see `encodeSparse`). */
  readonly weights: string;
  /** The character-bigram surprisal table, base64. */
  readonly bigrams: string;
}

export const MODEL_FORMAT = 'rampart-ngram-logreg/1';

export interface LoadedModel {
  readonly model: LinearModel;
  readonly bigrams: CharBigramModel;
  readonly quantized: QuantizedWeights;
  readonly digest: string;
}

/** Decodes and verifies serialised weights; a digest mismatch means a corrupted or hand-edited module. */
export function loadModel(serialized: SerializedModel): LoadedModel {
  if (serialized.format !== MODEL_FORMAT || serialized.hashBits !== HASH_BITS)
    throw new ModelError(
      'MODEL_INVALID_WEIGHTS',
      `weights are ${serialized.format} with ${serialized.hashBits} hash bits; this build reads ${MODEL_FORMAT} with ${HASH_BITS}`,
    );
  const quantized: QuantizedWeights = {
    hashBits: serialized.hashBits,
    heads: serialized.heads,
    bias: serialized.bias,
    scale: serialized.scale,
    values: decodeSparse(Buffer.from(serialized.weights, 'base64'), BUCKETS * serialized.heads.length),
  };
  const table = new Uint8Array(Buffer.from(serialized.bigrams, 'base64'));
  const digest = weightsDigest(quantized, table);
  if (digest !== serialized.digest)
    throw new ModelError(
      'MODEL_INVALID_WEIGHTS',
      `weights digest ${digest} does not match the recorded ${serialized.digest}`,
    );
  return {
    model: new LinearModel({
      heads: serialized.heads,
      weights: quantized.values,
      scale: serialized.scale,
      bias: serialized.bias,
    }),
    bigrams: new CharBigramModel(table),
    quantized,
    digest,
  };
}

let shipped: LoadedModel | undefined;

/** The weights shipped with this build, decoded once per process. */
export function shippedModel(): LoadedModel {
  shipped ??= loadModel(MODEL_WEIGHTS);
  return shipped;
}
