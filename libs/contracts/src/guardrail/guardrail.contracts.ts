import {
  CanaryReplySchema,
  CanaryRequestSchema,
  CheckReplySchema,
  CheckRequestSchema,
} from '../gen/rampart/guardrail/v1/check_pb';
import {
  DecisionMadeSchema,
  PolicyPublishedSchema,
  PolicyRolledBackSchema,
} from '../gen/rampart/guardrail/v1/events_pb';
import { defineEvent, defineRequest, defineStream } from '../messaging/definitions';

const DAY_MS = 24 * 60 * 60 * 1000;

export const GUARDRAIL_STREAM = defineStream({
  name: 'GUARDRAIL',
  description: 'Guardrail decisions and policy rollout events.',
  maxAgeMs: 14 * DAY_MS,
  duplicateWindowMs: 2 * 60 * 1000,
});

/** Checks a prompt or a model response: the hot path of every LLM call. */
export const GuardrailCheckV1 = defineRequest({
  subject: 'guardrail.check.v1',
  responder: 'guardrail',
  request: CheckRequestSchema,
  reply: CheckReplySchema,
  timeoutMs: 2_000,
  strict: true,
});

/** Issues a canary token for a conversation's system prompt. */
export const GuardrailCanaryV1 = defineRequest({
  subject: 'guardrail.canary.v1',
  responder: 'guardrail',
  request: CanaryRequestSchema,
  reply: CanaryReplySchema,
  timeoutMs: 2_000,
  strict: true,
});

export const GuardrailDecisionV1 = defineEvent('guardrail.decision.v1', GUARDRAIL_STREAM, DecisionMadeSchema);
export const GuardrailPolicyPublishedV1 = defineEvent(
  'guardrail.policy.published.v1',
  GUARDRAIL_STREAM,
  PolicyPublishedSchema,
);
export const GuardrailPolicyRolledBackV1 = defineEvent(
  'guardrail.policy.rolledback.v1',
  GUARDRAIL_STREAM,
  PolicyRolledBackSchema,
);
