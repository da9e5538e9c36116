import {
  encodeMessage,
  envelopeToHeaders,
  type EventData,
  type EventDef,
  type EventEnvelope,
} from '@rampart/contracts';
import type { TransactionHost } from '@rampart/database';
import type { BusNaming } from '../bus-naming';
import type { EnvelopeFactory, EnvelopeOptions } from '../envelope-factory';

/**
 * Records an event in the outbox table inside the caller's transaction. It is published only if that
 * transaction commits, and then surely: the relay keeps trying until JetStream has it, across crashes.
 */
export class OutboxWriter {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly naming: BusNaming,
    private readonly envelopes: EnvelopeFactory,
    private readonly service: string,
  ) {}

  async enqueue<E extends EventDef>(
    event: E,
    data: EventData<E>,
    options: EnvelopeOptions = {},
  ): Promise<EventEnvelope> {
    const envelope = this.envelopes.create(event, options);
    const payload = encodeMessage(event.schema, data);
    await this.txHost.run((tx) =>
      tx.outboxMessage.create({
        data: {
          id: envelope.id,
          service: this.service,
          subject: this.naming.subject(event.type),
          headers: envelopeToHeaders(envelope),
          payload: Buffer.from(payload),
        },
      }),
    );
    return envelope;
  }
}
