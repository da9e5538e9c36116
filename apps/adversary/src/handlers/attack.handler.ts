import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnRequest } from '@rampart/bus';
import { AdversaryAttackBatchV1, AdversaryAttackRunV1, type RequestMessage } from '@rampart/contracts';
import { toAttackCommand, toBatchCommand } from '../dtos/attack-command';
import { AttackService } from '../services/attack.service';

/** Ad-hoc attacks over NATS: one, or a small batch, answered with the results. */
@Controller()
export class AttackHandler {
  constructor(private readonly attacks: AttackService) {}

  @OnRequest(AdversaryAttackRunV1)
  async run(@Payload() request: RequestMessage<typeof AdversaryAttackRunV1>) {
    return { result: await this.attacks.run(toAttackCommand(request)) };
  }

  @OnRequest(AdversaryAttackBatchV1)
  async batch(@Payload() request: RequestMessage<typeof AdversaryAttackBatchV1>) {
    const results = await this.attacks.runBatch(toBatchCommand(request));
    return { results, succeeded: results.filter((r) => r.success).length };
  }
}
