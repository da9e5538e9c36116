import { attackDetectors } from '../detectors/attack';
import { createDataDetectors } from '../detectors/data';
import { createOutputDetectors, type OutputDetectorOptions } from '../detectors/output';
import { LearnedModelDetector } from '../model/learned-model.detector';
import { shippedModel, type LoadedModel } from '../model/model-loader';
import { createTextAnalyzer } from '../normalize';
import type { Detector } from '../types';
import { SafetyGuard, type TextAnalyzer } from './safety-guard';
import { DEFAULT_FUSION, fuseScores, type FusionOptions } from './score-fusion';

export interface CreateSafetyGuardOptions {
  /** The normaliser; defaults to `analyzeText` with decoding, leetspeak undoing and letter joining on. */
  analyze?: TextAnalyzer;
  /** The attack detectors (injection, jailbreak, harm, suffixes); `false` leaves them out, to measure the rest. */
  attack?: boolean;
  /** The learned model; `false` runs the rule-based detectors alone (for comparison and for tests). */
  model?: LoadedModel | false;
  /** PII and secrets detectors (default on); `false` leaves them out. */
  data?: boolean;
  /** Output detectors (system-prompt leakage with canaries, unsafe markup), with their options; `false` leaves them out. */
  output?: OutputDetectorOptions | false;
  /** More detectors to run beside the built-in ones. */
  detectors?: readonly Detector[];
  /** Fusion parameters; see `DEFAULT_FUSION`. */
  fusion?: Partial<FusionOptions>;
  /** Rescan decoded payloads (default true). */
  rescanDecoded?: boolean;
}

/**
 * The SafetyGuard as the guardrail runs it: the normaliser, every attack detector, the learned n-gram
 * model, the PII, secrets and output detectors, decoded-payload rescans, and score fusion. Each detector
 * declares its directions, so input checks skip the output-only ones and vice versa.
 */
export function createSafetyGuard(options: CreateSafetyGuardOptions = {}): SafetyGuard {
  const loaded = options.model === false ? undefined : (options.model ?? shippedModel());
  const bigrams = (loaded ?? shippedModel()).bigrams;
  const detectors: Detector[] = [
    ...(options.attack === false ? [] : attackDetectors(bigrams)),
    ...(loaded ? [new LearnedModelDetector(loaded.model)] : []),
    ...(options.data === false ? [] : createDataDetectors()),
    ...(options.output === false ? [] : createOutputDetectors(options.output ?? {})),
    ...(options.detectors ?? []),
  ];
  const fusion: FusionOptions = { ...DEFAULT_FUSION, ...options.fusion };
  return new SafetyGuard(
    options.analyze ?? createTextAnalyzer(),
    detectors,
    (findings, text, context) => fuseScores(findings, text, context, fusion),
    { rescanDecoded: options.rescanDecoded ?? true, judgeRequestInContext: true },
  );
}
