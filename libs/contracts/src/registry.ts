import type { EventDef, StreamDef } from './messaging/definitions';
import {
  GuardrailDecisionV1,
  GuardrailPolicyPublishedV1,
  GuardrailPolicyRolledBackV1,
} from './guardrail/guardrail.contracts';
import { AdversaryAttackCompletedV1 } from './adversary/adversary.contracts';
import { DEADLETTER_STREAM, SmokeEmittedV1 } from './platform/platform.contracts';

/**
 * Every event of the platform. Streams are provisioned from this list: a stream's subjects are exactly
 * the events declared on it, so request-reply subjects never end up captured by a stream.
 */
export const ALL_EVENTS: readonly EventDef[] = [
  SmokeEmittedV1,
  GuardrailDecisionV1,
  GuardrailPolicyPublishedV1,
  GuardrailPolicyRolledBackV1,
  AdversaryAttackCompletedV1,
];

export const ALL_STREAMS: readonly StreamDef[] = [
  ...new Map(ALL_EVENTS.map((event) => [event.stream.name, event.stream])).values(),
  DEADLETTER_STREAM,
];

export function eventsOfStream(stream: StreamDef): EventDef[] {
  return ALL_EVENTS.filter((event) => event.stream.name === stream.name);
}

export function findEvent(type: string): EventDef | undefined {
  return ALL_EVENTS.find((event) => event.type === type);
}
