import type { JetStreamClient } from '@nats-io/jetstream';
import { HEADER } from '@rampart/contracts';
import { maskSecrets } from '@rampart/observability';
import type { BusMetrics } from '../bus-metrics';
import type { BusNaming } from '../bus-naming';
import { toNatsHeaders } from '../nats/nats-headers';

export interface DeadLetter {
  service: string;
  /** Short durable name of the consumer that gave up. */
  durable: string;
  /** Full JetStream consumer name. */
  consumer: string;
  subject: string;
  streamSequence: number;
  deliveries: number;
  /** Why it was given up on: shown to whoever reads the dead letter. */
  error: string;
  reason: 'invalid_envelope' | 'invalid_payload' | 'not_retryable' | 'max_deliveries' | 'ack_timeouts';
  headers: Record<string, string>;
  payload: Uint8Array;
}

const MAX_HEADER_VALUE = 2_000;

/** NATS header values are single lines; errors may carry secrets: mask, flatten and bound them. */
export function headerSafe(value: string): string {
  const flat = maskSecrets(value)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  return flat.length > MAX_HEADER_VALUE ? `${flat.slice(0, MAX_HEADER_VALUE - 1)}…` : flat;
}

/**
 * Moves a message a consumer gave up on to the dead-letter stream: the original payload and headers, plus
 * the error and where it came from, so that it can be read and replayed once the cause is fixed.
 */
export class DeadLetterPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly naming: BusNaming,
    private readonly metrics?: BusMetrics,
  ) {}

  async publish(letter: DeadLetter): Promise<void> {
    const headers: Record<string, string> = {
      ...letter.headers,
      [HEADER.deadLetterError]: headerSafe(letter.error),
      [HEADER.deadLetterSubject]: letter.subject,
      [HEADER.deadLetterConsumer]: letter.consumer,
      [HEADER.deadLetterDeliveries]: String(letter.deliveries),
      [HEADER.deadLetterStreamSequence]: String(letter.streamSequence),
      'rampart-dlq-reason': letter.reason,
    };
    delete headers[HEADER.natsMsgId.toLowerCase()];
    delete headers[HEADER.natsMsgId];
    await this.js.publish(this.naming.deadLetterSubject(letter.service, letter.durable), letter.payload, {
      headers: toNatsHeaders(headers),
      // Several replicas may see the same give-up (advisories): store it once.
      msgID: `dlq:${letter.consumer}:${letter.streamSequence}`,
    });
    this.metrics?.deadLettered.inc({
      subject: this.naming.unqualified(letter.subject),
      consumer: letter.consumer,
      reason: letter.reason,
    });
  }
}
