import type { AttackTarget, TargetReply, TargetRequest } from './attack-target';
import {
  DEFAULT_GUARDRAIL_ENDPOINT,
  DEFAULT_GUARDRAIL_USER,
  runGuardrailCheck,
  type GuardrailCallContext,
  type GuardrailChecker,
} from './guardrail.target';

export interface GuardedTargetOptions extends GuardrailCallContext {
  /** A chat or HTTP target. */
  readonly target: AttackTarget;
  readonly guardrail: GuardrailChecker;
  /** Check the attacker's turn before the model sees it (default true). */
  readonly guardInput?: boolean;
  /** Check the model's reply (default false). */
  readonly guardOutput?: boolean;
}

/**
 * A model with the guardrail in front of it, as a deployment runs it. The attacker's turn is checked as
 * `input` first: when blocked, the model is not called and `reply` is absent. Otherwise the model answers
 * (a `modify` verdict does not carry the rewritten text, so the model gets the original turn; judges
 * still count the modification against the attacker), and with `guardOutput` the reply is checked as
 * `output`. A reply blocked on output is kept in the record, so judges can see what the guardrail caught.
 */
export class GuardedTarget implements AttackTarget {
  readonly id: string;
  readonly kind: AttackTarget['kind'];
  readonly systemPrompt?: string;
  readonly canary?: string;
  private readonly inner: AttackTarget;
  private readonly guardrail: GuardrailChecker;
  private readonly guardInput: boolean;
  private readonly guardOutput: boolean;
  private readonly endpoint: string;
  private readonly userId: string;

  constructor(options: GuardedTargetOptions) {
    this.inner = options.target;
    this.id = `guarded:${options.target.id}`;
    this.kind = options.target.kind;
    if (options.target.systemPrompt !== undefined) this.systemPrompt = options.target.systemPrompt;
    if (options.target.canary !== undefined) this.canary = options.target.canary;
    this.guardrail = options.guardrail;
    this.guardInput = options.guardInput ?? true;
    this.guardOutput = options.guardOutput ?? false;
    this.endpoint = options.endpoint ?? DEFAULT_GUARDRAIL_ENDPOINT;
    this.userId = options.userId ?? DEFAULT_GUARDRAIL_USER;
  }

  async send(request: TargetRequest): Promise<TargetReply> {
    const started = performance.now();
    const messages = request.messages.map((m) => ({ role: m.role, content: m.content }));
    const base = { conversationId: request.conversationId, endpoint: this.endpoint, userId: this.userId };
    const inputCheck = this.guardInput
      ? await runGuardrailCheck(
          this.guardrail,
          { ...base, direction: 'input', text: request.turn.text, messages },
          request.signal,
        )
      : undefined;
    if (inputCheck?.verdict === 'block') return { inputCheck, latencyMs: performance.now() - started };
    const answer = await this.inner.send(request);
    const outputCheck =
      this.guardOutput && answer.reply !== undefined
        ? await runGuardrailCheck(
            this.guardrail,
            {
              ...base,
              direction: 'output',
              text: answer.reply,
              messages: [...messages, { role: 'assistant', content: answer.reply }],
            },
            request.signal,
          )
        : undefined;
    return {
      ...(answer.reply === undefined ? {} : { reply: answer.reply }),
      ...(inputCheck ? { inputCheck } : {}),
      ...(outputCheck ? { outputCheck } : {}),
      latencyMs: performance.now() - started,
    };
  }
}
