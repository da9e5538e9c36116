import type { Goal, Persona, AttackTurn } from '../types';
import type { AttackTarget, TargetReply } from '../targets/attack-target';

export interface TurnRecord {
  readonly index: number;
  readonly turn: AttackTurn;
  readonly reply: TargetReply;
}

/** Everything judges may look at: who attacked, for what, against what, and what came back. */
export interface AttemptRecord {
  readonly persona: Persona;
  readonly goal: Goal;
  readonly target: Pick<AttackTarget, 'id' | 'kind' | 'systemPrompt' | 'canary'>;
  readonly turns: readonly TurnRecord[];
}

export type JudgeVerdict = 'success' | 'failure' | 'abstain';

export interface JudgeEvidence {
  /** Index of the turn the evidence comes from. */
  readonly turn: number;
  /** Where it was seen. */
  readonly source: 'input_check' | 'output_check' | 'reply';
  /** A short excerpt (at most ~160 characters), secrets masked. */
  readonly excerpt: string;
}

export interface Judgement {
  readonly judge: string;
  readonly verdict: JudgeVerdict;
  /** 0..1: how sure the judge is. */
  readonly confidence: number;
  /** One sentence a person reading the report understands. */
  readonly reason: string;
  readonly evidence: readonly JudgeEvidence[];
}

/** Decides one aspect of an attempt. `abstain` when the aspect does not apply (no reply to judge). */
export interface Judge {
  readonly id: string;
  judge(attempt: AttemptRecord, signal?: AbortSignal): Promise<Judgement>;
}

/** The attempt's outcome and which judge decided it. */
export interface AttackOutcome {
  readonly success: boolean;
  readonly decidedBy: string;
  readonly reason: string;
  readonly judgements: readonly Judgement[];
}
