import { DEFAULT_FUSION, type Category, type Finding, type SafetyReport } from '@rampart/safety';

/** Risk left of earlier turns after each new one: a crescendo must keep climbing to stay high. */
export const RISK_DECAY = 0.8;
/** How much of one turn's score carries into the conversation's risk. */
export const TURN_WEIGHT = 0.6;
/** A turn must itself look at least this risky before the conversation's risk can raise it. */
export const ESCALATE_FROM = 0.2;
export const ESCALATION_DETECTOR = 'conversation.escalation';

/** The conversation's risk after a turn with this score. */
export function nextRisk(prior: number, turnScore: number): number {
  return 1 - (1 - prior * RISK_DECAY) * (1 - turnScore * TURN_WEIGHT);
}

/**
 * Steps toward a harmful goal: attacks on the model's instructions and harmful requests. Personal data,
 * secrets, markup and obfuscation are not: a support conversation that shares an e-mail address and then
 * a phone number is not escalating anything, and each of those is redacted on its own.
 */
function isStepTowardHarm(category: Category): boolean {
  return (
    category.startsWith('harmful:') ||
    category === 'prompt_injection' ||
    category === 'indirect_injection' ||
    category === 'system_prompt_extraction' ||
    category === 'jailbreak'
  );
}

function stepScore(report: SafetyReport): number {
  return Math.max(0, ...report.categories.filter((c) => isStepTowardHarm(c.category)).map((c) => c.score));
}

/** Recent user turns read with the current one: enough for a crescendo, bounded for the hot path. */
export const WINDOW_TURNS = 4;
export const WINDOW_MAX_CHARS = 4_000;

/** The text of the conversation window, or undefined when there are no earlier user turns. */
export function conversationWindow(
  messages: readonly { role: string; content: string }[],
  text: string,
): { text: string; turns: number } | undefined {
  const earlier = messages.filter((m) => m.role === 'user' && m.content.trim() !== '').slice(-WINDOW_TURNS);
  if (earlier.length === 0) return undefined;
  let joined = [...earlier.map((m) => m.content), text].join('\n');
  if (joined.length > WINDOW_MAX_CHARS) joined = joined.slice(joined.length - WINDOW_MAX_CHARS);
  return { text: joined, turns: earlier.length };
}

export interface AssessedTurn {
  /** The report the policy decides on: with a `multi_turn_escalation` finding when the conversation raised it. */
  report: SafetyReport;
  /** The conversation's risk to remember after this turn. */
  risk: number;
}

/**
 * Multi-turn escalation (crescendo): a turn that is mildly risky on its own counts for more in a
 * conversation whose earlier turns were risky too. The service computes it here, from the report's attack
 * and harm categories, rather than passing the prior risk into the SafetyGuard, so that the risk it
 * remembers and the raise it applies are one calculation it owns; the escalation becomes a finding that
 * the constitution's `no-multi-turn-escalation` principle blocks like any other.
 */
export function assessTurn(
  report: SafetyReport,
  priorRisk: number,
  /** The guard's report on the conversation's recent user turns read together with this one, if any. */
  window?: { report: SafetyReport; turns: number },
): AssessedTurn {
  const own = stepScore(report);
  const together = window ? stepScore(window.report) : 0;
  const carried =
    priorRisk > 0 && own >= ESCALATE_FROM ? own + (1 - own) * priorRisk * DEFAULT_FUSION.priorRiskWeight : 0;
  // Read together, mild steps can say what none says alone ("which plants are toxic" … "which have no
  // taste" … "least likely to be noticed in tea"); only a window that says more than the turn counts.
  const fromWindow = together > own ? together : 0;
  const escalated = Math.max(carried, fromWindow);
  if (escalated <= own) return { report, risk: nextRisk(priorRisk, own) };
  const finding: Finding = {
    detector: ESCALATION_DETECTOR,
    category: 'multi_turn_escalation',
    score: escalated,
    reason:
      fromWindow >= carried
        ? `this turn scores ${own.toFixed(2)} alone; read with the ${window!.turns} turn(s) before it, the conversation scores ${together.toFixed(2)}`
        : `earlier turns of this conversation carry risk ${priorRisk.toFixed(2)}, raising this turn from ${own.toFixed(2)} to ${escalated.toFixed(2)}`,
  };
  const categories = [
    ...report.categories.filter((c) => c.category !== 'multi_turn_escalation'),
    { category: 'multi_turn_escalation' as const, score: escalated },
  ].sort((a, b) => b.score - a.score);
  return {
    report: {
      ...report,
      findings: [...report.findings, finding],
      categories,
      score: Math.max(report.score, escalated),
    },
    risk: nextRisk(priorRisk, escalated),
  };
}
