import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { OnEvent, RampartEventContext } from '@rampart/bus';
import { GuardrailDecisionV1, type EventMessage } from '@rampart/contracts';
import { DecisionAuditWriter } from '../services/decision-audit.writer';

/**
 * Every published decision lands in the audit log, evidence included. The writer batches decisions into
 * shared transactions and claims their inbox rows itself (hence `idempotent: false` here: the runner's
 * one-transaction-per-message inbox would defeat the batching); the concurrency is how many decisions can
 * wait for one batch.
 */
@Controller()
export class DecisionAuditHandler {
  constructor(private readonly writer: DecisionAuditWriter) {}

  @OnEvent(GuardrailDecisionV1, { durable: 'decision-audit', concurrency: 100, idempotent: false })
  async recordDecision(
    @Payload() decision: EventMessage<typeof GuardrailDecisionV1>,
    @Ctx() context: RampartEventContext,
  ) {
    await this.writer.write(decision, context.delivery);
  }
}
