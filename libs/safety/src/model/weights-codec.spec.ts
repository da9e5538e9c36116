import { decodeSparse, dequantize, encodeSparse, ModelError, quantize, weightsDigest } from './weights-codec';

describe('weights codec', () => {
  it('round-trips sparse int8 weights, including long runs of zeros', () => {
    const values = new Int8Array(100_000);
    values[0] = 5;
    values[3] = -127;
    values[70_000] = 127;
    values[99_999] = -1;
    expect(decodeSparse(encodeSparse(values), values.length)).toEqual(values);
  });

  it('quantises per head to int8 and back within one step of the scale', () => {
    const weights = Float64Array.from([0.5, -2, 0.01, 1.27, 0.2, -0.04]);
    const q = quantize(weights, ['a', 'b'], [0.1234567, -1], 1);
    const back = dequantize(q);
    weights.forEach((w, i) => expect(Math.abs(back[i] - w)).toBeLessThanOrEqual(q.scale[i % 2]));
    expect(q.bias).toEqual([0.123457, -1]);
  });

  it('digests everything inference depends on', () => {
    const q = quantize(Float64Array.from([1, 2, 3, 4]), ['a', 'b'], [0, 0], 1);
    const digest = weightsDigest(q);
    expect(weightsDigest({ ...q, bias: [0, 0.5] })).not.toBe(digest);
    expect(weightsDigest(q, Uint8Array.from([1]))).not.toBe(digest);
    expect(weightsDigest(quantize(Float64Array.from([1, 2, 3, 4]), ['a', 'b'], [0, 0], 1))).toBe(digest);
  });

  it('refuses truncated or out-of-range weight streams with a ModelError', () => {
    expect(() => decodeSparse(Uint8Array.from([0x80]), 10)).toThrow(ModelError);
    expect(() => decodeSparse(Uint8Array.from([20, 1]), 10)).toThrow(/outside 10/);
  });
});
