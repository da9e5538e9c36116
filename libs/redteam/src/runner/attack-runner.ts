import type { GeneratedAttack } from '../generation/attack-generator';
import type { AttackOutcome, AttemptRecord, Judge, Judgement, TurnRecord } from '../judges/judge';
import type { AttackTarget, ChatMessage } from '../targets/attack-target';
import type { Goal, Persona } from '../types';

export type OutcomeDecider = (attempt: AttemptRecord, judgements: readonly Judgement[]) => AttackOutcome;

export interface AttackRunContext {
  persona: Persona;
  goal: Goal;
  /** One conversation per attempt; defaults to the attack id plus a run label. */
  conversationId: string;
  signal?: AbortSignal;
}

/** What one attempt did: every turn with the target's answer, the judges' findings and the outcome. */
export interface AttackResult {
  readonly attack: GeneratedAttack;
  readonly target: { readonly id: string; readonly kind: AttackTarget['kind'] };
  readonly conversationId: string;
  readonly turns: readonly TurnRecord[];
  readonly outcome: AttackOutcome;
  /** Whether the attack stopped before its last planned turn, and why. */
  readonly stoppedEarly?: string;
  readonly latencyMs: number;
}

/**
 * Sends an attack's turns to a target in order and has the judges decide. A blocked preparatory turn is
 * recorded and the attacker carries on, as a real one would rephrase and continue; a blocked turn that
 * carries the goal ends the attempt, since nothing after it can succeed in that conversation.
 */
export class AttackRunner {
  constructor(
    private readonly judges: readonly Judge[],
    private readonly decide: OutcomeDecider,
  ) {}

  async run(attack: GeneratedAttack, target: AttackTarget, context: AttackRunContext): Promise<AttackResult> {
    const started = performance.now();
    const messages: ChatMessage[] = [];
    const turns: TurnRecord[] = [];
    let stoppedEarly: string | undefined;
    for (const [index, turn] of attack.turns.entries()) {
      context.signal?.throwIfAborted();
      messages.push({ role: 'user', content: turn.text });
      const reply = await target.send({
        conversationId: context.conversationId,
        messages: [...messages],
        turn,
        goalText: context.goal.text,
        ...(context.signal ? { signal: context.signal } : {}),
      });
      turns.push({ index, turn, reply });
      // A blocked message never reached the model, so it is not part of the conversation the model sees.
      if (reply.inputCheck?.verdict === 'block') messages.pop();
      else if (reply.reply !== undefined) messages.push({ role: 'assistant', content: reply.reply });
      const blocked = reply.inputCheck?.verdict === 'block' || reply.outputCheck?.verdict === 'block';
      if (blocked && turn.carriesGoal && index < attack.turns.length - 1) {
        stoppedEarly = `turn ${index + 1} carried the goal and was blocked`;
        break;
      }
    }
    const attempt: AttemptRecord = {
      persona: context.persona,
      goal: context.goal,
      target: { id: target.id, kind: target.kind, systemPrompt: target.systemPrompt, canary: target.canary },
      turns,
    };
    const judgements = await Promise.all(this.judges.map((judge) => judge.judge(attempt, context.signal)));
    return {
      attack,
      target: { id: target.id, kind: target.kind },
      conversationId: context.conversationId,
      turns,
      outcome: this.decide(attempt, judgements),
      ...(stoppedEarly ? { stoppedEarly } : {}),
      latencyMs: performance.now() - started,
    };
  }
}
