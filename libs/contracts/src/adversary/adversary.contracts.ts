import {
  AttackCompletedSchema,
  AttackJobSchema,
  RunAttackBatchReplySchema,
  RunAttackBatchRequestSchema,
  RunAttackReplySchema,
  RunAttackRequestSchema,
} from '../gen/rampart/adversary/v1/attack_pb';
import { defineEvent, defineQueue, defineRequest, defineStream } from '../messaging/definitions';

const DAY_MS = 24 * 60 * 60 * 1000;

export const ADVERSARY_STREAM = defineStream({
  name: 'ADVERSARY',
  description: 'Red-team attack results: what was sent, what came back, who decided.',
  maxAgeMs: 30 * DAY_MS,
  duplicateWindowMs: 2 * 60 * 1000,
});

/** Runs one attack now and answers with its result. */
export const AdversaryAttackRunV1 = defineRequest({
  subject: 'adversary.attack.run.v1',
  responder: 'adversary',
  request: RunAttackRequestSchema,
  reply: RunAttackReplySchema,
  timeoutMs: 60_000,
  strict: true,
});

/** Runs a small batch of one persona's attacks now. */
export const AdversaryAttackBatchV1 = defineRequest({
  subject: 'adversary.attack.batch.v1',
  responder: 'adversary',
  request: RunAttackBatchRequestSchema,
  reply: RunAttackBatchReplySchema,
  timeoutMs: 300_000,
  strict: true,
});

/** Attacks to run in the background (campaign runs); one job per attack, so a restart resumes. */
export const ADVERSARY_ATTACKS_QUEUE = defineQueue({
  name: 'adversary.attacks',
  owner: 'adversary',
  schema: AttackJobSchema,
  attempts: 5,
  backoffMs: 2_000,
});

export const AdversaryAttackCompletedV1 = defineEvent(
  'adversary.attack.completed.v1',
  ADVERSARY_STREAM,
  AttackCompletedSchema,
);
