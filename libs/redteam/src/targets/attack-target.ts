import type { AttackTurn } from '../types';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** The guardrail's answer to one check, as the adversary needs it. */
export interface GuardrailVerdict {
  readonly verdict: 'allow' | 'modify' | 'block';
  readonly score: number;
  readonly categories: readonly string[];
  readonly decisionId: string;
  readonly policyVersion: string;
}

export interface TargetRequest {
  /** Stable per attack attempt, so the guardrail's per-conversation risk state sees one conversation. */
  readonly conversationId: string;
  /** The conversation so far, ending with the attacker's new turn. */
  readonly messages: readonly ChatMessage[];
  readonly turn: AttackTurn;
  /**
   * The goal in plain words. Real targets never see it; a simulated one does (`guardrail-output` sends it
   * as the user's request that the simulated response answers).
   */
  readonly goalText?: string;
  readonly signal?: AbortSignal;
}

export interface TargetReply {
  /** What the model answered; absent for a guardrail-only target or when the input was blocked. */
  readonly reply?: string;
  /** The guardrail's decision on the attacker's turn, when a guardrail is in the path. */
  readonly inputCheck?: GuardrailVerdict;
  /** The guardrail's decision on the model's reply, when a guardrail checks output. */
  readonly outputCheck?: GuardrailVerdict;
  readonly latencyMs: number;
}

export type TargetKind = 'guardrail' | 'chat' | 'http';

/** Something the adversary attacks. Implementations never log prompts' secrets or the target's key. */
export interface AttackTarget {
  /** A stable name for reports and rate limits, e.g. `guardrail`, `chat:gpt-4o-mini@api.example.com`. */
  readonly id: string;
  readonly kind: TargetKind;
  /** The system prompt the attacker tries to extract, when the target has one. */
  readonly systemPrompt?: string;
  /** A canary token planted in that system prompt: seeing it in a reply proves leakage. */
  readonly canary?: string;
  send(request: TargetRequest): Promise<TargetReply>;
}
