import type { Detector } from '../../types';
import type { CharBigramModel } from '../../model/char-bigram';
import { AdversarialSuffixDetector } from './adversarial-suffix.detector';
import { EncodedInstructionDetector } from './encoded-instruction.detector';
import { HarmfulRequestDetector } from './harmful-request.detector';
import { IndirectInjectionDetector } from './indirect-injection.detector';
import { InjectionDetector } from './injection.detector';
import { JailbreakDetector } from './jailbreak.detector';
import { ManyShotDetector } from './many-shot.detector';

export { AdversarialSuffixDetector } from './adversarial-suffix.detector';
export { EncodedInstructionDetector } from './encoded-instruction.detector';
export { findEncodedRuns, type EncodedRun } from './encoded-runs';
export { HarmfulRequestDetector, hazardsIn } from './harmful-request.detector';
export { IndirectInjectionDetector } from './indirect-injection.detector';
export { InjectionDetector } from './injection.detector';
export { JailbreakDetector } from './jailbreak.detector';
export { ManyShotDetector } from './many-shot.detector';

/**
 * Every attack detector: injection (direct, indirect, extraction), jailbreak, many-shot, adversarial
 * suffixes, harmful requests, and instructions hidden in binary or Morse code.
 */
export function attackDetectors(bigrams: CharBigramModel): Detector[] {
  const injection = new InjectionDetector();
  const jailbreak = new JailbreakDetector();
  const harmful = new HarmfulRequestDetector();
  return [
    injection,
    new IndirectInjectionDetector(),
    jailbreak,
    new ManyShotDetector(),
    new AdversarialSuffixDetector(bigrams),
    harmful,
    new EncodedInstructionDetector([injection, jailbreak, harmful]),
  ];
}
