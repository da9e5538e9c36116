import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnBroadcast, OnEvent, OnRequest } from '@rampart/bus';
import {
  GuardrailCanaryV1,
  GuardrailCheckV1,
  GuardrailDecisionV1,
  GuardrailPolicyPublishedV1,
  GuardrailPolicyRolledBackV1,
  type EventMessage,
  type RequestMessage,
} from '@rampart/contracts';
import { AuditService } from '@rampart/platform';
import { GUARDRAIL_SETTINGS, type GuardrailSettings } from '../config/guardrail.config';
import { toCheckCommand } from '../dtos/check-command';
import { CanaryTokenService } from '../services/canary-token.service';
import { CheckService } from '../services/check.service';
import { PolicyStore } from '../services/policy-store.service';

/** The guardrail over NATS: checks and canary tokens (request-reply), policy reloads, decision audit. */
@Controller()
export class CheckHandler {
  constructor(
    private readonly checks: CheckService,
    private readonly canaries: CanaryTokenService,
    private readonly policies: PolicyStore,
    private readonly audit: AuditService,
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

  /** Every published decision lands in the audit log, with the evidence (excerpts are already redacted). */
  @OnEvent(GuardrailDecisionV1, { durable: 'decision-audit', concurrency: 8 })
  async recordDecision(@Payload() decision: EventMessage<typeof GuardrailDecisionV1>) {
    await this.audit.record({
      actor: decision.userId
        ? `user:${decision.userId}`
        : decision.endpoint
          ? `endpoint:${decision.endpoint}`
          : 'anonymous',
      action: `guardrail.decision.${decision.verdict}`,
      resource: `conversation/${decision.conversationId || 'none'}`,
      rule: decision.violations[0]?.principle,
      reason: decision.violations.map((v) => `${v.principle} (${v.detector})`).join(', ') || undefined,
      evidence: decision.violations.map((v) => ({
        principle: v.principle,
        severity: v.severity,
        detector: v.detector,
        category: v.category,
        score: v.score,
        start: v.evidence?.start ?? 0,
        end: v.evidence?.end ?? 0,
        excerpt: v.evidence?.excerpt ?? '',
      })),
      payload: {
        decision_id: decision.decisionId,
        direction: decision.direction,
        score: decision.score,
        categories: decision.categories,
        policy_version: decision.policyVersion,
        policy_track: decision.policyTrack,
        shadow_verdict: decision.shadowVerdict ?? null,
        sampled: decision.sampled,
        latency_ms: decision.latencyMs,
      },
    });
  }
}
