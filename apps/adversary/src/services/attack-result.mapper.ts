import type { AdversaryAttackCompletedV1, EventData } from '@rampart/contracts';
import { maskSecrets } from '@rampart/observability';
import type { AttackResult, RefineRun } from '@rampart/redteam';

export type AttackCompletedData = EventData<typeof AdversaryAttackCompletedV1>;

/** Replies are evidence, not archives: long ones are cut, and secrets in them are masked before they leave. */
const MAX_REPLY_CHARS = 4_000;

function clip(text: string): string {
  const masked = maskSecrets(text);
  return masked.length > MAX_REPLY_CHARS ? `${masked.slice(0, MAX_REPLY_CHARS)}…[truncated]` : masked;
}

export function toAttackCompleted(
  result: AttackResult,
  origin: { campaignId?: string; runId?: string },
  refined?: RefineRun,
): AttackCompletedData {
  const { attack, outcome } = result;
  return {
    attackId: attack.attackId,
    attemptId: result.conversationId,
    replayKey: attack.replayKey,
    ...(origin.campaignId ? { campaignId: origin.campaignId } : {}),
    ...(origin.runId ? { runId: origin.runId } : {}),
    persona: attack.persona,
    strategy: [...attack.strategy],
    goalId: attack.goal.id,
    goalCategory: attack.goal.category,
    target: result.target.id,
    targetKind: result.target.kind,
    turns: result.turns.map(({ index, turn, reply }) => ({
      index,
      purpose: turn.purpose,
      carriesGoal: turn.carriesGoal,
      prompt: turn.text,
      ...(reply.reply !== undefined ? { reply: clip(reply.reply) } : {}),
      ...(reply.inputCheck
        ? { inputVerdict: reply.inputCheck.verdict, inputScore: reply.inputCheck.score }
        : {}),
      ...(reply.outputCheck ? { outputVerdict: reply.outputCheck.verdict } : {}),
      inputCategories: [...(reply.inputCheck?.categories ?? [])],
      latencyMs: reply.latencyMs,
    })),
    success: outcome.success,
    severity: attack.severity,
    decidedBy: outcome.decidedBy,
    reason: outcome.reason,
    judgements: outcome.judgements.map((j) => ({
      judge: j.judge,
      verdict: j.verdict,
      confidence: j.confidence,
      reason: j.reason,
      evidence: j.evidence.map((e) => ({ turn: e.turn, source: e.source, excerpt: maskSecrets(e.excerpt) })),
    })),
    latencyMs: result.latencyMs,
    dataVersion: attack.dataVersion,
    seed: attack.seed,
    ...(result.stoppedEarly ? { stoppedEarly: result.stoppedEarly } : {}),
    refinements: (refined?.steps ?? []).map((step) => {
      const last = step.result.turns.at(-1);
      return {
        iteration: step.iteration,
        prompt: last?.turn.text ?? '',
        success: step.result.outcome.success,
        decidedBy: step.result.outcome.decidedBy,
        improvement: step.improvement,
        ...(last?.reply.inputCheck ? { inputVerdict: last.reply.inputCheck.verdict } : {}),
      };
    }),
    ...(refined ? { refineOutcome: refined.stoppedBecause } : {}),
  };
}
