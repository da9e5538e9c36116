import { createHash } from 'node:crypto';
import { RampartError, type RampartErrorOptions } from '@rampart/contracts';

export type ModelErrorCode = 'MODEL_INVALID_WEIGHTS';

/** The shipped weights do not decode or do not match their digest: the build is broken, not the input. */
export class ModelError extends RampartError<ModelErrorCode> {
  constructor(code: ModelErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(code, message, 500, options);
  }
}

/** Weights as shipped: int8 per weight with one scale per head, so the module stays small. */
export interface QuantizedWeights {
  readonly hashBits: number;
  readonly heads: readonly string[];
  readonly bias: readonly number[];
  readonly scale: readonly number[];
  /** `2^hashBits × heads`, interleaved by bucket; most are zero. */
  readonly values: Int8Array;
}

/** Rounds so that the numbers written into the generated module read back bit-identical. */
function round6(value: number): number {
  return Number(value.toFixed(6));
}

export function quantize(
  weights: ArrayLike<number>,
  heads: readonly string[],
  bias: readonly number[],
  hashBits: number,
): QuantizedWeights {
  const width = heads.length;
  const scale = heads.map((_, h) => {
    let max = 0;
    for (let i = h; i < weights.length; i += width) max = Math.max(max, Math.abs(weights[i]));
    return round6(max > 0 ? max / 127 : 1);
  });
  const values = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) values[i] = Math.round(weights[i] / scale[i % width]);
  return { hashBits, heads: [...heads], bias: bias.map(round6), scale, values };
}

export function dequantize(weights: QuantizedWeights): Float32Array {
  const width = weights.heads.length;
  const out = new Float32Array(weights.values.length);
  for (let i = 0; i < out.length; i++) out[i] = weights.values[i] * weights.scale[i % width];
  return out;
}

/** Non-zero weights as (gap since the previous non-zero, as an unsigned LEB128 varint; value byte) pairs. */
export function encodeSparse(values: Int8Array): Uint8Array {
  const bytes: number[] = [];
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === 0) continue;
    let gap = i - last - 1;
    last = i;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap, values[i] & 0xff);
  }
  return Uint8Array.from(bytes);
}

export function decodeSparse(bytes: Uint8Array, length: number): Int8Array {
  const values = new Int8Array(length);
  let index = -1;
  let at = 0;
  while (at < bytes.length) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined) throw new ModelError('MODEL_INVALID_WEIGHTS', 'weights end inside a varint');
      gap |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    index += gap + 1;
    if (index >= length || at >= bytes.length)
      throw new ModelError(
        'MODEL_INVALID_WEIGHTS',
        `weight index ${index} outside ${length} or value missing`,
      );
    values[index] = (bytes[at++] << 24) >> 24;
  }
  return values;
}

/** SHA-256 over everything inference depends on, in a fixed layout: what the check mode compares. */
export function weightsDigest(weights: QuantizedWeights, extra: Uint8Array = new Uint8Array(0)): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      hashBits: weights.hashBits,
      heads: weights.heads,
      bias: weights.bias,
      scale: weights.scale,
    }),
  );
  hash.update(new Uint8Array(weights.values.buffer, weights.values.byteOffset, weights.values.byteLength));
  hash.update(extra);
  return hash.digest('hex');
}
