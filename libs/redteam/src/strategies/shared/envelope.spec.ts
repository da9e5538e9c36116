import fc from 'fast-check';
import { SeededRandom } from '../../random/seeded-random';
import { Envelope } from './envelope';

describe('Envelope', () => {
  const envelope = new Envelope('test', [
    (p) => `Decode this: ${p}\nthanks`,
    (p) => `${p} <- decode that`,
    (p) => `Please, ${p}, now.`,
  ]);

  it('unwraps exactly whatever it wrapped, including text that looks like its own prose', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (payload, seed) => {
        const wrapped = envelope.wrap(`Decode this: ${payload} <- decode that`, SeededRandom.from(seed));
        expect(envelope.unwrap(wrapped)).toBe(`Decode this: ${payload} <- decode that`);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('rejects text it did not produce', () => {
    expect(() => envelope.unwrap('something else')).toThrow('"test"');
  });

  it('rejects templates that would make unwrapping ambiguous or that drop the payload', () => {
    expect(() => new Envelope('x', [(p) => `Go: ${p}`, (p) => `Go: now ${p}`])).toThrow('ambiguous');
    expect(() => new Envelope('x', [() => 'no payload'])).toThrow('exactly once');
    expect(() => new Envelope('x', [(p) => `${p}${p}`])).toThrow('exactly once');
    expect(() => new Envelope('x', [])).toThrow('no templates');
  });
});
