import {
  SmokeEmittedSchema,
  SmokeJobSchema,
  SmokeReplySchema,
  SmokeRequestSchema,
} from '../gen/rampart/platform/v1/smoke_pb';
import { PLATFORM_STREAM } from '../platform/platform.contracts';
import { ALL_EVENTS, ALL_STREAMS, eventsOfStream } from '../registry';
import {
  defineEvent,
  defineQueue,
  defineRequest,
  defineStream,
  type EventData,
  type ReplyData,
} from './definitions';
import type { SmokeEmittedV1 } from '../platform/platform.contracts';

describe('contract definitions', () => {
  it('refuses subjects that are not versioned <domain>.<event>.v<N>', () => {
    expect(() => defineEvent('incident.opened', PLATFORM_STREAM, SmokeEmittedSchema)).toThrow(
      /Invalid event subject/,
    );
    expect(() => defineEvent('Incident.Opened.v1', PLATFORM_STREAM, SmokeEmittedSchema)).toThrow();
    expect(defineEvent('incident.opened.v1', PLATFORM_STREAM, SmokeEmittedSchema).type).toBe(
      'incident.opened.v1',
    );
    expect(() =>
      defineRequest({
        subject: 'guardrail.check',
        responder: 'guardrail',
        request: SmokeRequestSchema,
        reply: SmokeReplySchema,
      }),
    ).toThrow(/Invalid request subject/);
  });

  it('refuses stream and queue names that NATS or BullMQ would mangle', () => {
    expect(() => defineStream({ ...PLATFORM_STREAM, name: 'platform.events' })).toThrow(/Invalid stream/);
    expect(() =>
      defineQueue({ name: 'alerting:deliveries', owner: 'alerting', schema: SmokeJobSchema }),
    ).toThrow(/Invalid queue/);
  });

  it('derives stream subjects from the events declared on each stream', () => {
    expect(ALL_STREAMS.map((s) => s.name)).toEqual(['PLATFORM', 'GUARDRAIL', 'ADVERSARY', 'DEADLETTER']);
    expect(eventsOfStream(PLATFORM_STREAM).map((e) => e.type)).toEqual(['platform.smoke.emitted.v1']);
    const streamOf = new Map(ALL_EVENTS.map((e) => [e.type, e.stream.name]));
    expect(streamOf.get('guardrail.decision.v1')).toBe('GUARDRAIL');
    expect(new Set(ALL_EVENTS.map((e) => e.type)).size).toBe(ALL_EVENTS.length);
  });

  it('types payloads by their subject so the wrong payload does not compile', () => {
    const ok: EventData<typeof SmokeEmittedV1> = { message: 'm', originService: 'o' };
    // @ts-expect-error a required field of the event is missing
    const missing: EventData<typeof SmokeEmittedV1> = { message: 'm' };
    // @ts-expect-error a field that belongs to another message
    const foreign: EventData<typeof SmokeEmittedV1> = { message: 'm', originService: 'o', instance: 'x' };
    // @ts-expect-error a reply without its required fields
    const reply: ReplyData<{
      kind: 'request';
      subject: string;
      responder: 'guardrail';
      request: typeof SmokeRequestSchema;
      reply: typeof SmokeReplySchema;
      timeoutMs: number;
    }> = { service: 's' };
    expect([ok, missing, foreign, reply]).toHaveLength(4);
  });
});
