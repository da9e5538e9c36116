export * from './constitution';
export {
  parseConstitution,
  validateConstitution,
  withBlockThreshold,
  MAX_CONSTITUTION_CHARS,
} from './constitution-parser';
export {
  DEFAULT_CONSTITUTION_PATH,
  defaultConstitutionSource,
  loadDefaultConstitution,
} from './default-constitution';
export { PolicyEngine, type PolicyEngineOptions, type PolicyInput } from './policy-engine';
export {
  verdictOf,
  type PolicyDecision,
  type PolicyViolation,
  type ReviewOutcome,
  type ReviewOutcomeKind,
  type Verdict,
} from './policy-decision';
export { resolvePrinciples, type ResolvedPrinciple } from './principle-table';
export {
  buildEvidence,
  collectMasks,
  DEFAULT_EXCERPT_CHARS,
  type Evidence,
  type TextMask,
} from './evidence-excerpt';
export { replaceFlaggedSpans, type AppliedSpan, type TextModifier } from './text-modifier';
export {
  LlmCritic,
  type Critic,
  type CritiqueOptions,
  type CritiqueRequest,
  type LlmCriticOptions,
} from './llm-critic';
export { parseCriticReply, type Critique } from './critic-reply';
export { CRITIC_DETECTOR, reviewDecision, type ReviewOptions } from './policy-review';
export {
  PolicyError,
  type PolicyErrorCode,
  type PolicyProblem,
  type ReviewFailureReason,
} from './policy-error';
