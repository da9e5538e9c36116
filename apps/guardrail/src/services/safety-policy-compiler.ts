import {
  defaultConstitutionSource,
  LlmCritic,
  parseConstitution,
  PolicyEngine,
  reviewDecision,
  type PolicyDecision,
} from '@rampart/safety';
import type { GuardrailSettings } from '../config/guardrail.config';
import type { CompiledPolicy, PolicyCompiler, PolicyOutcome } from './policy-compiler';

/**
 * Compiles constitutions with the SafetyGuard policy engine; with an LLM endpoint configured, principles
 * marked for review are also critiqued (their fail mode applies on timeout or error).
 */
export class SafetyPolicyCompiler implements PolicyCompiler {
  private readonly critic?: LlmCritic;

  constructor(llm: GuardrailSettings['llm']) {
    if (llm) this.critic = new LlmCritic(llm);
  }

  compile(document: string, version: number): CompiledPolicy {
    const constitution = parseConstitution(document);
    const engine = new PolicyEngine(constitution);
    const critic = this.critic;
    return {
      version,
      label: constitution.version,
      async evaluate(report, input, options = {}) {
        let decision = engine.evaluate(report, input);
        if (critic && options.review !== false && decision.reviewRequested.length > 0) {
          decision = await reviewDecision(decision, input.text, constitution, critic);
        }
        return toOutcome(decision);
      },
    };
  }

  defaultDocument(): string {
    return defaultConstitutionSource();
  }
}

function toOutcome(decision: PolicyDecision): PolicyOutcome {
  return {
    verdict: decision.verdict,
    text: decision.text,
    alert: decision.alert,
    humanReview: decision.humanReview,
    revisedByCritic:
      decision.verdict === 'modify' && (decision.reviews ?? []).some((r) => r.outcome === 'revised'),
    violations: decision.violations.map((violation) => ({
      principle: violation.principle,
      severity: violation.severity,
      action: violation.action,
      detector: violation.detector,
      category: violation.category ?? '',
      score: violation.score,
      evidence: violation.evidence,
    })),
  };
}
