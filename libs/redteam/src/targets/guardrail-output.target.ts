import { SIMULATED_SYSTEM_PROMPT } from '../output-side';
import type { AttackTarget, TargetReply, TargetRequest } from './attack-target';
import {
  DEFAULT_GUARDRAIL_ENDPOINT,
  DEFAULT_GUARDRAIL_USER,
  runGuardrailCheck,
  type GuardrailCallContext,
  type GuardrailChecker,
} from './guardrail.target';

/**
 * The guardrail's output side as the target: each attacker turn is a simulated model *response*, checked
 * as `output` with the simulated deployment's system prompt in the context (as an application sends its
 * own) and the goal as the user's request it answers. The attack succeeds when the guardrail lets the
 * response through to the user. Use with strategy chains that start with `as-response`.
 */
export class GuardrailOutputTarget implements AttackTarget {
  readonly id = 'guardrail-output';
  readonly kind = 'guardrail' as const;
  readonly systemPrompt = SIMULATED_SYSTEM_PROMPT;
  private readonly endpoint: string;
  private readonly userId: string;

  constructor(
    private readonly checker: GuardrailChecker,
    context: GuardrailCallContext = {},
  ) {
    this.endpoint = context.endpoint ?? DEFAULT_GUARDRAIL_ENDPOINT;
    this.userId = context.userId ?? DEFAULT_GUARDRAIL_USER;
  }

  async send(request: TargetRequest): Promise<TargetReply> {
    const started = performance.now();
    const outputCheck = await runGuardrailCheck(
      this.checker,
      {
        direction: 'output',
        text: request.turn.text,
        conversationId: request.conversationId,
        endpoint: this.endpoint,
        userId: this.userId,
        systemPrompt: this.systemPrompt,
        // The conversation this response answers: earlier turns, then the request itself (the goal), as
        // an application passes the user's message along with the model's answer.
        messages: [
          ...request.messages.slice(0, -1).map((m) => ({ role: m.role, content: m.content })),
          ...(request.goalText ? [{ role: 'user' as const, content: request.goalText }] : []),
        ],
      },
      request.signal,
    );
    return { outputCheck, latencyMs: performance.now() - started };
  }
}
