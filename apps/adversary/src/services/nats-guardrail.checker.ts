import type { RequestClient } from '@rampart/bus';
import { GuardrailCheckV1 } from '@rampart/contracts';
import type { GuardrailChecker, GuardrailVerdict } from '@rampart/redteam';

/** The guardrail as the adversary attacks it in production: `guardrail.check.v1` over NATS. */
export class NatsGuardrailChecker implements GuardrailChecker {
  constructor(private readonly client: RequestClient) {}

  async check(input: Parameters<GuardrailChecker['check']>[0]): Promise<GuardrailVerdict> {
    const reply = await this.client.request(GuardrailCheckV1, {
      direction: input.direction,
      text: input.text,
      context: {
        conversationId: input.conversationId,
        endpoint: input.endpoint,
        userId: input.userId,
        messages: (input.messages ?? []).map((m) => ({ role: m.role, content: m.content })),
        ...(input.systemPrompt ? { systemPrompt: input.systemPrompt } : {}),
      },
    });
    const verdict = reply.verdict;
    if (verdict !== 'allow' && verdict !== 'modify' && verdict !== 'block') {
      throw new Error(`guardrail answered an unknown verdict "${verdict.slice(0, 20)}"`);
    }
    return {
      verdict,
      score: reply.score,
      categories: reply.categories,
      decisionId: reply.decisionId,
      policyVersion: reply.policyVersion,
    };
  }
}
