import { SIMULATED_SYSTEM_PROMPT } from '../output-side';
import type { TargetReply, TargetRequest } from './attack-target';
import { GuardrailSideTarget } from './guardrail.target';

/**
 * The guardrail's output side as the target: each attacker turn is a simulated model *response*, checked
 * as `output` with the simulated deployment's system prompt in the context (as an application sends its
 * own) and the goal as the user's request it answers. The attack succeeds when the guardrail lets the
 * response through to the user. Use with strategy chains that start with `as-response`.
 */
export class GuardrailOutputTarget extends GuardrailSideTarget {
  readonly id = 'guardrail-output';
  readonly systemPrompt = SIMULATED_SYSTEM_PROMPT;

  async send(request: TargetRequest): Promise<TargetReply> {
    const started = performance.now();
    const outputCheck = await this.check(request, {
      direction: 'output',
      systemPrompt: this.systemPrompt,
      // The conversation this response answers: earlier turns, then the request itself (the goal), as
      // an application passes the user's message along with the model's answer.
      messages: [
        ...request.messages.slice(0, -1).map((m) => ({ role: m.role, content: m.content })),
        ...(request.goalText ? [{ role: 'user' as const, content: request.goalText }] : []),
      ],
    });
    return { outputCheck, latencyMs: performance.now() - started };
  }
}
