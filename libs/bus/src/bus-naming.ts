import { DEADLETTER_SUBJECT_PREFIX, type StreamDef } from '@rampart/contracts';

/**
 * Applies the platform namespace (RAMPART_NAMESPACE) to subjects, streams and queues, so that several
 * platforms — environments sharing a NATS cluster, or tests running side by side — never see each other's
 * messages. With no namespace the names are exactly those declared in the contracts.
 */
export class BusNaming {
  constructor(readonly namespace: string) {}

  subject(subject: string): string {
    return this.namespace ? `${this.namespace}.${subject}` : subject;
  }

  /** The declared subject of a namespaced one (what handlers are registered under). */
  unqualified(subject: string): string {
    const prefix = this.namespace ? `${this.namespace}.` : '';
    return prefix && subject.startsWith(prefix) ? subject.slice(prefix.length) : subject;
  }

  stream(stream: StreamDef | string): string {
    const name = typeof stream === 'string' ? stream : stream.name;
    return this.namespace ? `${this.namespace.toUpperCase()}_${name}` : name;
  }

  /** A JetStream key-value bucket, named like a stream. */
  bucket(name: string): string {
    return this.stream(name);
  }

  deadLetterSubject(service: string, consumer: string): string {
    return this.subject(`${DEADLETTER_SUBJECT_PREFIX}.${service}.${consumer}`);
  }

  deadLetterWildcard(): string {
    return this.subject(`${DEADLETTER_SUBJECT_PREFIX}.>`);
  }

  /** BullMQ key prefix in Redis. */
  queuePrefix(): string {
    return this.namespace ? `rampart:${this.namespace}` : 'rampart';
  }

  /** Durable consumer name: `<service>-<durable>` (JetStream names allow no dots). */
  durable(service: string, durable: string): string {
    return `${service}-${durable}`;
  }
}
