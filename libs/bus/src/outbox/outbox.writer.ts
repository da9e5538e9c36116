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
    const [row, envelope] = this.row(event, data, options);
    await this.txHost.run((tx) => tx.outboxMessage.create({ data: row }));
    return envelope;
  }

  /**
   * Many events of one type in one statement (for writers that batch). Each envelope is built when its
   * item's `context` runs, so every event keeps the correlation of the work that produced it.
   */
  async enqueueMany<E extends EventDef>(
    event: E,
    items: readonly { data: EventData<E>; options?: EnvelopeOptions; context?: <T>(build: () => T) => T }[],
  ): Promise<EventEnvelope[]> {
    if (items.length === 0) return [];
    const built = items.map((item) =>
      item.context
        ? item.context(() => this.row(event, item.data, item.options))
        : this.row(event, item.data, item.options),
    );
    await this.txHost.run((tx) => tx.outboxMessage.createMany({ data: built.map(([row]) => row) }));
    return built.map(([, envelope]) => envelope);
  }

  private row<E extends EventDef>(event: E, data: EventData<E>, options: EnvelopeOptions = {}) {
    const envelope = this.envelopes.create(event, options);
    const row = {
      id: envelope.id,
      service: this.service,
      subject: this.naming.subject(event.type),
      headers: envelopeToHeaders(envelope),
      payload: Buffer.from(encodeMessage(event.schema, data)),
    };
    return [row, envelope] as const;
  }
}
