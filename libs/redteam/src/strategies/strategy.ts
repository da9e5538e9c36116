import type { AttackTurn, MutationContext } from '../types';

export type MutatorKind = 'encoding' | 'obfuscation' | 'framing' | 'injection';
export type StrategyKind = MutatorKind | 'multi-turn';

/**
 * A single-turn transformation of the attack text. Must be a pure function of (text, context): all
 * randomness comes from `context.rng`, so a replay produces the same bytes.
 */
export interface Mutator {
  readonly id: string;
  readonly kind: MutatorKind;
  readonly description: string;
  apply(text: string, context: MutationContext): string;
  /**
   * Recovers the input of `apply` from its output, where the transformation is exactly invertible
   * (encodings, smuggling, splitting). Absent when information is lost (leetspeak, casing noise).
   */
  invert?(mutated: string): string;
}

/** Turns the (already mutated) ask into a conversation: rapport, escalation, then the ask. */
export interface ConversationPlanner {
  readonly id: string;
  readonly kind: 'multi-turn';
  readonly description: string;
  /** Never more than `maxTurns` turns; the last turn carries the goal. */
  plan(ask: string, context: MutationContext & { readonly maxTurns: number }): AttackTurn[];
}

export type Strategy = Mutator | ConversationPlanner;

export function isPlanner(strategy: Strategy): strategy is ConversationPlanner {
  return strategy.kind === 'multi-turn';
}
