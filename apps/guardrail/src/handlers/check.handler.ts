import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnBroadcast, OnRequest } from '@rampart/bus';
import {
  GuardrailCanaryV1,
  GuardrailCheckV1,
  GuardrailPolicyPublishedV1,
  GuardrailPolicyRolledBackV1,
  type EventMessage,
  type RequestMessage,
} from '@rampart/contracts';
import { GUARDRAIL_SETTINGS, type GuardrailSettings } from '../config/guardrail.config';
import { toCheckCommand } from '../dtos/check-command';
import { CanaryTokenService } from '../services/canary-token.service';
import { CheckService } from '../services/check.service';
import { PolicyStore } from '../services/policy-store.service';

/** The guardrail over NATS: checks and canary tokens (request-reply) and policy reloads. */
@Controller()
export class CheckHandler {
  constructor(
    private readonly checks: CheckService,
    private readonly canaries: CanaryTokenService,
    private readonly policies: PolicyStore,
    @Inject(GUARDRAIL_SETTINGS) private readonly settings: GuardrailSettings,
  ) {}

  @OnRequest(GuardrailCheckV1)
  async check(@Payload() request: RequestMessage<typeof GuardrailCheckV1>) {
    return this.checks.check(toCheckCommand(request, this.settings.maxTextBytes));
  }

  @OnRequest(GuardrailCanaryV1)
  async canary(@Payload() request: RequestMessage<typeof GuardrailCanaryV1>) {
    return this.canaries.issue(request.conversationId, request.systemPrompt);
  }

  @OnBroadcast(GuardrailPolicyPublishedV1)
  async onPublished(@Payload() _event: EventMessage<typeof GuardrailPolicyPublishedV1>) {
    await this.policies.reload(true);
  }

  @OnBroadcast(GuardrailPolicyRolledBackV1)
  async onRolledBack(@Payload() _event: EventMessage<typeof GuardrailPolicyRolledBackV1>) {
    await this.policies.reload(true);
  }
}
