import { createSafetyGuard, type SafetyGuard } from '@rampart/safety';
import { GuardrailVerdictJudge } from './guardrail-verdict.judge';
import { HarmfulContentJudge } from './harmful-content.judge';
import type { Judge } from './judge';
import { LeakageJudge } from './leakage.judge';
import { LlmJudge, type LlmJudgeOptions } from './llm.judge';
import { RefusalJudge } from './refusal.judge';
import { SuccessCriteriaJudge } from './success-criteria.judge';

export interface CreateJudgesOptions {
  /** Adds the LLM rubric judge, last. */
  llm?: LlmJudgeOptions;
  /** The SafetyGuard for the harmful-content judge; the full default guard when absent. */
  guard?: SafetyGuard;
}

/**
 * The judges in their fixed order: guardrail-verdict, refusal, harmful-content, leakage,
 * success-criteria, then llm when configured. `decideOutcome` reads their judgements by id.
 */
export function createJudges(options: CreateJudgesOptions = {}): Judge[] {
  return [
    new GuardrailVerdictJudge(),
    new RefusalJudge(),
    new HarmfulContentJudge({ guard: options.guard ?? createSafetyGuard() }),
    new LeakageJudge(),
    new SuccessCriteriaJudge(),
    ...(options.llm ? [new LlmJudge(options.llm)] : []),
  ];
}
