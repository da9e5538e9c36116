import type { JetStreamClient } from '@nats-io/jetstream';
import { SpanKind } from '@opentelemetry/api';
import {
  encodeMessage,
  envelopeToHeaders,
  HEADER,
  type EventData,
  type EventDef,
  type EventEnvelope,
} from '@rampart/contracts';
import { withSpan } from '@rampart/observability';
import { BusError } from '../bus-error';
import type { BusMetrics } from '../bus-metrics';
import type { BusNaming } from '../bus-naming';
import type { EnvelopeFactory, EnvelopeOptions } from '../envelope-factory';
import { toNatsHeaders } from '../nats/nats-headers';

export interface PublishResult {
  id: string;
  stream: string;
  seq: number;
  /** JetStream already had a message with this id within the duplicate window: nothing new was stored. */
  duplicate: boolean;
}

/**
 * Publishes events straight to JetStream and waits for the stream's acknowledgement. Use it for events
 * that follow no database change; events that do must go through the OutboxWriter instead, so that a crash
 * after the commit loses nothing.
 */
export class EventPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly naming: BusNaming,
    private readonly envelopes: EnvelopeFactory,
    private readonly metrics?: BusMetrics,
  ) {}

  async publish<E extends EventDef>(
    event: E,
    data: EventData<E>,
    options: EnvelopeOptions = {},
  ): Promise<PublishResult> {
    const subject = this.naming.subject(event.type);
    return withSpan(
      `${event.type} publish`,
      { kind: SpanKind.PRODUCER, attributes: spanAttributes(subject) },
      () => {
        // Built inside the producer span so that consumers become its children.
        const envelope = this.envelopes.create(event, options);
        return this.publishEncoded(subject, envelope, encodeMessage(event.schema, data));
      },
    );
  }

  /** Publishes an already encoded event (the outbox relay's path). */
  async publishEncoded(
    subject: string,
    envelope: EventEnvelope | Record<string, string>,
    payload: Uint8Array,
  ): Promise<PublishResult> {
    const headers = isEnvelope(envelope) ? envelopeToHeaders(envelope) : envelope;
    const id = headers[HEADER.id];
    if (!id) throw new BusError('BUS_ENVELOPE_INVALID', `Event on ${subject} has no ${HEADER.id} header`);
    try {
      const ack = await this.js.publish(subject, payload, { headers: toNatsHeaders(headers), msgID: id });
      this.metrics?.published.inc({
        subject: this.naming.unqualified(subject),
        outcome: ack.duplicate ? 'duplicate' : 'ok',
      });
      return { id, stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
    } catch (error) {
      this.metrics?.published.inc({ subject: this.naming.unqualified(subject), outcome: 'error' });
      throw new BusError(
        'BUS_PUBLISH_FAILED',
        `Publishing ${id} on ${subject} failed: ${(error as Error).message}`,
        {
          cause: error,
          retryable: true,
        },
      );
    }
  }
}

function isEnvelope(value: EventEnvelope | Record<string, string>): value is EventEnvelope {
  return typeof (value as EventEnvelope).specversion === 'string' && 'correlationid' in value;
}

function spanAttributes(subject: string) {
  return {
    'messaging.system': 'nats',
    'messaging.destination.name': subject,
    'messaging.operation.type': 'publish',
  };
}
