import {
  SmokeEmittedSchema,
  SmokeJobSchema,
  SmokeReplySchema,
  SmokeRequestSchema,
} from '../gen/rampart/platform/v1/smoke_pb';
import { defineEvent, defineQueue, defineRequest, defineStream } from '../messaging/definitions';
import { SERVICE_NAMES, type ServiceName } from '../services';

const DAY_MS = 24 * 60 * 60 * 1000;
const TWO_MINUTES_MS = 2 * 60 * 1000;

export const PLATFORM_STREAM = defineStream({
  name: 'PLATFORM',
  description: 'Platform-wide events that are not owned by one domain: smoke tests.',
  maxAgeMs: 7 * DAY_MS,
  duplicateWindowMs: TWO_MINUTES_MS,
});

/**
 * Messages that a consumer gave up on after its maximum deliveries, or could not decode at all, with the
 * error. Kept for 30 days so that someone can read them and replay them once the cause is fixed.
 */
export const DEADLETTER_STREAM = defineStream({
  name: 'DEADLETTER',
  description: 'Messages consumers gave up on, with the error, for inspection and replay.',
  maxAgeMs: 30 * DAY_MS,
  duplicateWindowMs: TWO_MINUTES_MS,
});

/** Dead letters are published on `deadletter.<service>.<consumer>`. */
export const DEADLETTER_SUBJECT_PREFIX = 'deadletter';

export const SmokeEmittedV1 = defineEvent('platform.smoke.emitted.v1', PLATFORM_STREAM, SmokeEmittedSchema);

function perService<T>(make: (service: ServiceName) => T): Readonly<Record<ServiceName, T>> {
  return Object.freeze(Object.fromEntries(SERVICE_NAMES.map((s) => [s, make(s)])) as Record<ServiceName, T>);
}

/** `<service>.smoke.v1`: answered by any replica of the service. */
export const SMOKE_REQUESTS = perService((service) =>
  defineRequest({
    subject: `${service}.smoke.v1`,
    responder: service,
    request: SmokeRequestSchema,
    reply: SmokeReplySchema,
    timeoutMs: 2_000,
  }),
);

/** `<service>.smoke`: each service records consumed smoke events through its own queue. */
export const SMOKE_QUEUES = perService((service) =>
  defineQueue({ name: `${service}.smoke`, owner: service, schema: SmokeJobSchema }),
);
