import type { Subscription } from '@nats-io/transport-node';
import type { BusLogger } from '../bus-logger';
import type { NatsConnectionHandle } from '../nats/nats-connection';
import { fromNatsHeaders } from '../nats/nats-headers';
import type { DeadLetterPublisher } from './dead-letter.publisher';

interface MaxDeliveriesAdvisory {
  stream_seq: number;
  deliveries: number;
}

/**
 * A message whose deliveries all ended without an ack (the process crashed or hung each time) never reaches
 * a consumer's failure path. JetStream announces it in an advisory instead; one replica (the advisory is
 * subscribed as a queue group) fetches it from the stream and parks it in the dead-letter stream.
 */
export class MaxDeliveriesWatcher {
  private subscription?: Subscription;

  constructor(
    private readonly deps: {
      connection: NatsConnectionHandle;
      deadLetters: DeadLetterPublisher;
      logger: BusLogger;
      service: string;
      durable: string;
      consumer: string;
      stream: string;
    },
  ) {}

  start(): void {
    const { connection, stream, consumer } = this.deps;
    this.subscription = connection.nc.subscribe(
      `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.${consumer}`,
      {
        queue: consumer,
        callback: (error, msg) => {
          if (!error) void this.park(msg.json<MaxDeliveriesAdvisory>());
        },
      },
    );
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }

  private async park(advisory: MaxDeliveriesAdvisory): Promise<void> {
    const { connection, deadLetters, stream, consumer } = this.deps;
    try {
      const stored = await connection.jsm.streams.getMessage(stream, { seq: advisory.stream_seq });
      if (!stored) return;
      await deadLetters.publish({
        service: this.deps.service,
        durable: this.deps.durable,
        consumer,
        subject: stored.subject,
        streamSequence: advisory.stream_seq,
        deliveries: advisory.deliveries,
        error: `Not acknowledged after ${advisory.deliveries} deliveries (the handler crashed or exceeded the ack wait each time)`,
        reason: 'ack_timeouts',
        headers: fromNatsHeaders(stored.header),
        payload: stored.data,
      });
    } catch (error) {
      this.deps.logger.error({ err: error, consumer }, 'could not park an unacknowledged message');
    }
  }
}
