import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  type ConsumerConfig,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { SpanKind } from '@opentelemetry/api';
import {
  decodeMessage,
  envelopeFromHeaders,
  isRampartError,
  type EventDef,
  type EventEnvelope,
  type EventMessage,
} from '@rampart/contracts';
import type { TransactionHost } from '@rampart/database';
import { extractTraceContext, runWithContext, withSpan } from '@rampart/observability';
import type { BusLogger } from '../bus-logger';
import type { BusMetrics } from '../bus-metrics';
import type { BusNaming } from '../bus-naming';
import { claimInbox } from '../inbox/inbox';
import type { NatsConnectionHandle } from '../nats/nats-connection';
import { fromNatsHeaders, headerReader } from '../nats/nats-headers';
import { retryDelayMs } from '../retry-delay';
import { Semaphore } from '../semaphore';
import type { DeadLetter, DeadLetterPublisher } from './dead-letter.publisher';
import { MaxDeliveriesWatcher } from './max-deliveries.watcher';

export interface EventDelivery {
  envelope: EventEnvelope;
  /** The subject it arrived on (namespaced). */
  subject: string;
  deliveryCount: number;
  streamSequence: number;
  consumer: string;
}

export interface EventHandlerSpec<E extends EventDef = EventDef> {
  event: E;
  /** Durable consumer name, unique within the service. Renaming it starts a new consumer from scratch. */
  durable: string;
  /** Messages handled at once by this replica (default 4). 1 keeps stream order. */
  concurrency?: number;
  /** Record the message id in the inbox within the handler's transaction (default true). */
  idempotent?: boolean;
  /** Where a consumer created for the first time starts: all retained events (default) or only new ones. */
  deliverPolicy?: 'all' | 'new';
  handle(message: EventMessage<E>, delivery: EventDelivery): Promise<void>;
}

export interface ConsumerRunnerDeps {
  connection: NatsConnectionHandle;
  naming: BusNaming;
  service: string;
  deadLetters: DeadLetterPublisher;
  logger: BusLogger;
  /** Without it, handlers cannot be idempotent through the inbox. */
  txHost?: TransactionHost;
  maxDeliver: number;
  ackWaitMs: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  metrics?: BusMetrics;
}

type Outcome = 'ok' | 'duplicate';

/**
 * Runs one durable JetStream consumer: pulls with bounded concurrency, decodes and validates each event,
 * handles it inside the event's trace and correlation, records it in the inbox in the same transaction as
 * the handler's effects, and acknowledges only after that commit. Failures are retried with backoff; a
 * message that cannot succeed goes to the dead-letter stream with its error.
 */
export class ConsumerRunner<E extends EventDef = EventDef> {
  readonly consumerName: string;
  private readonly streamName: string;
  private readonly subject: string;
  private readonly slots: Semaphore;
  private readonly inflight = new Set<Promise<void>>();
  private messages?: ConsumerMessages;
  private readonly maxDeliveries: MaxDeliveriesWatcher;
  private loopDone?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly deps: ConsumerRunnerDeps,
    readonly spec: EventHandlerSpec<E>,
  ) {
    this.consumerName = deps.naming.durable(deps.service, spec.durable);
    this.streamName = deps.naming.stream(spec.event.stream);
    this.subject = deps.naming.subject(spec.event.type);
    this.slots = new Semaphore(Math.max(1, spec.concurrency ?? 4));
    this.maxDeliveries = new MaxDeliveriesWatcher({
      ...deps,
      durable: spec.durable,
      consumer: this.consumerName,
      stream: this.streamName,
    });
  }

  async start(): Promise<void> {
    await this.ensureConsumer();
    this.maxDeliveries.start();
    this.loopDone = this.run();
  }

  /** Stops pulling, hands buffered messages back for redelivery, and waits for in-flight ones. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.maxDeliveries.stop();
    await this.messages?.close();
    await this.loopDone;
  }

  private consumerConfig(): Partial<ConsumerConfig> {
    const concurrency = this.slots.size;
    return {
      durable_name: this.consumerName,
      description: `${this.deps.service}: ${this.spec.event.type}`,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: this.spec.deliverPolicy === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      filter_subject: this.subject,
      max_deliver: this.deps.maxDeliver,
      ack_wait: nanos(this.deps.ackWaitMs),
      max_ack_pending: Math.max(100, concurrency * 10),
    };
  }

  private async ensureConsumer(): Promise<void> {
    const { jsm } = this.deps.connection;
    const config = this.consumerConfig();
    try {
      const info = await jsm.consumers.info(this.streamName, this.consumerName);
      const current = info.config;
      if (current.max_deliver !== config.max_deliver || current.ack_wait !== config.ack_wait) {
        await jsm.consumers.update(this.streamName, this.consumerName, {
          max_deliver: config.max_deliver,
          ack_wait: config.ack_wait,
          max_ack_pending: config.max_ack_pending,
        });
      }
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== 10014) throw error;
      await jsm.consumers.add(this.streamName, config);
      this.deps.logger.info(
        { consumer: this.consumerName, stream: this.streamName },
        'created durable consumer',
      );
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        const consumer = await this.deps.connection.js.consumers.get(this.streamName, this.consumerName);
        this.messages = await consumer.consume({ max_messages: Math.max(2, this.slots.size * 2) });
        for await (const message of this.messages) {
          if (this.stopping) {
            message.nak();
            continue;
          }
          await this.slots.acquire();
          const work = this.process(message).finally(() => {
            this.slots.release();
            this.inflight.delete(work);
          });
          this.inflight.add(work);
        }
      } catch (error) {
        if (this.stopping) break;
        this.deps.logger.error({ err: error, consumer: this.consumerName }, 'consumer stopped; restarting');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    await Promise.allSettled([...this.inflight]);
  }

  private async process(message: JsMsg): Promise<void> {
    const { envelope, missing } = envelopeFromHeaders(headerReader(message.headers));
    const delivery: EventDelivery = {
      envelope,
      subject: message.subject,
      deliveryCount: message.info.deliveryCount,
      streamSequence: message.info.streamSequence,
      consumer: this.consumerName,
    };
    if (missing.length > 0) {
      return this.giveUp(
        message,
        delivery,
        `Missing CloudEvents headers: ${missing.join(', ')}`,
        'invalid_envelope',
      );
    }
    let decoded: EventMessage<E>;
    try {
      decoded = decodeMessage(
        this.spec.event.schema,
        message.data,
        message.subject,
        envelope.correlationid,
      ) as EventMessage<E>;
    } catch (error) {
      return this.giveUp(message, delivery, (error as Error).message, 'invalid_payload');
    }
    const started = performance.now();
    try {
      const outcome = await withSpan(
        `${this.spec.event.type} process`,
        {
          kind: SpanKind.CONSUMER,
          parent: extractTraceContext({ traceparent: envelope.traceparent, tracestate: envelope.tracestate }),
          attributes: {
            'messaging.system': 'nats',
            'messaging.destination.name': message.subject,
            'messaging.consumer.group.name': this.consumerName,
            'messaging.message.id': envelope.id,
          },
        },
        () =>
          runWithContext(
            {
              correlationId: envelope.correlationid,
              causationId: envelope.id,
              messageId: envelope.id,
              subject: this.spec.event.type,
            },
            () => this.invoke(decoded, delivery),
          ),
      );
      message.ack();
      this.record(outcome, started);
    } catch (error) {
      await this.onFailure(message, delivery, error);
      this.record('failed', started);
    }
  }

  private async invoke(message: EventMessage<E>, delivery: EventDelivery): Promise<Outcome> {
    const { txHost } = this.deps;
    if (this.spec.idempotent === false || !txHost) {
      await this.spec.handle(message, delivery);
      return 'ok';
    }
    // The transaction may not outlive the ack wait: past it JetStream redelivers, so the attempt is void.
    return txHost.run(
      async (tx) => {
        const first = await claimInbox(tx, this.consumerName, delivery.envelope.id, this.spec.event.type);
        if (!first) return 'duplicate';
        await this.spec.handle(message, delivery);
        return 'ok';
      },
      { timeoutMs: this.deps.ackWaitMs },
    );
  }

  private async onFailure(message: JsMsg, delivery: EventDelivery, error: unknown): Promise<void> {
    const text = error instanceof Error ? error.message : String(error);
    const permanent = isRampartError(error) && !error.retryable;
    if (permanent) return this.giveUp(message, delivery, text, 'not_retryable');
    if (delivery.deliveryCount >= this.deps.maxDeliver) {
      return this.giveUp(
        message,
        delivery,
        `${text} (after ${delivery.deliveryCount} deliveries)`,
        'max_deliveries',
      );
    }
    const delay = retryDelayMs(
      delivery.deliveryCount,
      this.deps.retryBaseMs ?? 1_000,
      this.deps.retryMaxMs ?? 60_000,
    );
    this.deps.logger.warn(
      {
        err: error,
        consumer: this.consumerName,
        event_id: delivery.envelope.id,
        delivery: delivery.deliveryCount,
        retry_in_ms: delay,
      },
      'event handling failed; will retry',
    );
    message.nak(delay);
  }

  private async giveUp(
    message: JsMsg,
    delivery: EventDelivery,
    error: string,
    reason: DeadLetter['reason'],
  ): Promise<void> {
    try {
      await this.deps.deadLetters.publish({
        service: this.deps.service,
        durable: this.spec.durable,
        consumer: this.consumerName,
        subject: message.subject,
        streamSequence: delivery.streamSequence,
        deliveries: delivery.deliveryCount,
        error,
        reason,
        headers: fromNatsHeaders(message.headers),
        payload: message.data,
      });
      message.term(reason);
      this.deps.logger.error(
        { consumer: this.consumerName, event_id: delivery.envelope.id, reason, error },
        'event moved to the dead-letter stream',
      );
    } catch (publishError) {
      // Never drop a message we could not park: let JetStream deliver it again later.
      this.deps.logger.error(
        { err: publishError, consumer: this.consumerName },
        'dead-lettering failed; will retry',
      );
      message.nak(this.deps.retryMaxMs ?? 60_000);
    }
  }

  private record(outcome: Outcome | 'failed', started: number): void {
    const labels = { subject: this.spec.event.type, consumer: this.consumerName };
    this.deps.metrics?.consumed.inc({ ...labels, outcome });
    this.deps.metrics?.handleDuration.observe(labels, (performance.now() - started) / 1000);
  }
}
