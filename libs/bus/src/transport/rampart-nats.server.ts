import { ServerNats, type MessageHandler } from '@nestjs/microservices';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { SpanKind } from '@opentelemetry/api';
import { lastValueFrom } from 'rxjs';
import {
  decodeMessage,
  encodeMessage,
  envelopeFromHeaders,
  HEADER,
  isRampartError,
  type ErrorBody,
  type ErrorStatus,
  type RequestDef,
} from '@rampart/contracts';
import { extractTraceContext, newCorrelationId, runWithContext, withSpan } from '@rampart/observability';
import type { BusLogger } from '../bus-logger';
import type { BusMetrics } from '../bus-metrics';
import type { BusNaming } from '../bus-naming';
import { ConsumerRunner, type ConsumerRunnerDeps } from '../jetstream/consumer-runner';
import { headerReader, toNatsHeaders } from '../nats/nats-headers';
import {
  RAMPART_HANDLER,
  type BroadcastHandlerMeta,
  type EventHandlerMeta,
  type RequestHandlerMeta,
} from './handler.decorators';
import { RampartEventContext, RampartRequestContext } from './message-contexts';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const encoder = new TextEncoder();

type ErrorReply = ErrorBody & { status: ErrorStatus };

/**
 * Nest's NATS transport, extended for Rampart: request handlers (`@OnRequest`) answer on their namespaced
 * subject as one queue group per service, with typed, validated payloads and coded error replies;
 * event handlers (`@OnEvent`) run as durable JetStream consumers. It shares the service's one NATS
 * connection, and on close stops taking work and waits for what is in flight.
 */
export class RampartNatsServer extends ServerNats {
  override readonly propagatesEventHandlerErrors = true;
  private readonly eventHandlers: { pattern: string; handler: MessageHandler; meta: EventHandlerMeta }[] = [];
  private readonly broadcastHandlers: { handler: MessageHandler; meta: BroadcastHandlerMeta }[] = [];
  private readonly requestSubscriptions: Subscription[] = [];
  private readonly inflightRequests = new Set<Promise<void>>();
  private readonly runners: ConsumerRunner[] = [];
  private closing?: Promise<void>;

  constructor(
    private readonly deps: ConsumerRunnerDeps & {
      logger: BusLogger;
      metrics?: BusMetrics;
      naming: BusNaming;
    },
  ) {
    super({ queue: deps.service });
  }

  /** Consumers this server runs (for tests and diagnostics). */
  get consumers(): readonly ConsumerRunner[] {
    return this.runners;
  }

  override async createNatsClient(): Promise<NatsConnection> {
    return this.deps.connection.nc;
  }

  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler = false,
    extras: Record<string, unknown> = {},
  ): void {
    const meta = extras[RAMPART_HANDLER] as
      EventHandlerMeta | RequestHandlerMeta | BroadcastHandlerMeta | undefined;
    if (isEventHandler && meta?.kind === 'broadcast') {
      this.broadcastHandlers.push({ handler: callback, meta });
      return;
    }
    if (isEventHandler && meta?.kind === 'event') {
      // Nest would chain handlers of the same event into one; each gets its own durable consumer instead.
      this.eventHandlers.push({ pattern: String(pattern), handler: callback, meta });
      return;
    }
    super.addHandler(pattern, callback, isEventHandler, extras);
  }

  override start(callback: (error?: unknown) => void): void {
    try {
      this.subscribeRequests(this.deps.connection.nc);
      this.subscribeBroadcasts(this.deps.connection.nc);
    } catch (error) {
      callback(error);
      return;
    }
    this.startConsumers().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  override async close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    // Drain: requests already received are answered, then no more are taken.
    await Promise.allSettled(this.requestSubscriptions.map((sub) => sub.drain()));
    await Promise.allSettled([...this.inflightRequests]);
    await Promise.allSettled(this.runners.map((runner) => runner.stop()));
  }

  private subscribeRequests(nc: NatsConnection): void {
    for (const [pattern, handler] of this.messageHandlers) {
      const meta = handler.extras?.[RAMPART_HANDLER] as RequestHandlerMeta | undefined;
      if (handler.isEventHandler || meta?.kind !== 'request') {
        throw new Error(`Handler for "${pattern}" must use @OnRequest(def) or @OnEvent(def, options)`);
      }
      const subscription = nc.subscribe(this.deps.naming.subject(meta.def.subject), {
        queue: meta.def.responder,
        callback: (error, msg) => {
          if (error) {
            this.deps.logger.error({ err: error, subject: pattern }, 'request subscription failed');
            return;
          }
          const work = this.answer(meta.def, handler, msg).finally(() => this.inflightRequests.delete(work));
          this.inflightRequests.add(work);
        },
      });
      this.requestSubscriptions.push(subscription);
    }
  }

  private subscribeBroadcasts(nc: NatsConnection): void {
    for (const { handler, meta } of this.broadcastHandlers) {
      const subscription = nc.subscribe(this.deps.naming.subject(meta.def.type), {
        callback: (error, msg) => {
          if (error) return;
          const work = this.receiveBroadcast(meta, handler, msg).finally(() =>
            this.inflightRequests.delete(work),
          );
          this.inflightRequests.add(work);
        },
      });
      this.requestSubscriptions.push(subscription);
    }
  }

  private async receiveBroadcast(
    meta: BroadcastHandlerMeta,
    handler: MessageHandler,
    msg: Msg,
  ): Promise<void> {
    const { envelope, missing } = envelopeFromHeaders(headerReader(msg.headers));
    try {
      if (missing.length > 0) throw new Error(`missing CloudEvents headers: ${missing.join(', ')}`);
      const message = decodeMessage(meta.def.schema, msg.data, msg.subject, envelope.correlationid);
      const delivery = {
        envelope,
        subject: msg.subject,
        deliveryCount: 1,
        streamSequence: 0,
        consumer: 'broadcast',
      };
      await runWithContext(
        {
          correlationId: envelope.correlationid,
          causationId: envelope.id,
          messageId: envelope.id,
          subject: meta.def.type,
        },
        async () => {
          const result: unknown = await handler(message, new RampartEventContext([delivery]));
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        },
      );
    } catch (error) {
      this.deps.logger.warn({ err: error, subject: meta.def.type }, 'broadcast handler failed');
    }
  }

  private async startConsumers(): Promise<void> {
    for (const { handler, meta } of this.eventHandlers) {
      const runner = new ConsumerRunner(this.deps, {
        event: meta.def,
        ...meta.options,
        handle: async (message, delivery) => {
          const result: unknown = await handler(message, new RampartEventContext([delivery]));
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        },
      });
      await runner.start();
      this.runners.push(runner);
    }
  }

  private async answer(def: RequestDef, handler: MessageHandler, msg: Msg): Promise<void> {
    const started = performance.now();
    const read = headerReader(msg.headers);
    const incoming = read(HEADER.correlationid);
    const correlationId = incoming && CORRELATION_ID.test(incoming) ? incoming : newCorrelationId();
    const replyHeaders = { [HEADER.correlationid]: correlationId };
    let outcome = 'ok';
    try {
      const payload = await withSpan(
        `${def.subject} handle`,
        {
          kind: SpanKind.SERVER,
          parent: extractTraceContext({ traceparent: read('traceparent'), tracestate: read('tracestate') }),
          attributes: { 'messaging.system': 'nats', 'messaging.destination.name': msg.subject },
        },
        () =>
          runWithContext({ correlationId, subject: def.subject }, async () => {
            const request = decodeMessage(def.request, msg.data, def.subject, correlationId, {
              strict: def.strict,
            });
            const context = new RampartRequestContext([
              { subject: def.subject, correlationId, caller: read(HEADER.source) },
            ]);
            const result: unknown = await lastValueFrom(
              this.transformToObservable(await handler(request, context)),
            );
            return encodeMessage(def.reply, result as never);
          }),
      );
      if (msg.reply) msg.respond(payload, { headers: toNatsHeaders(replyHeaders) });
    } catch (error) {
      const body = this.errorReply(error, correlationId, def.subject);
      outcome = body.status >= 500 ? 'error' : 'rejected';
      if (msg.reply) {
        msg.respond(encoder.encode(JSON.stringify(body)), {
          headers: toNatsHeaders({ ...replyHeaders, [HEADER.errorCode]: body.code }),
        });
      }
    } finally {
      this.deps.metrics?.requests.inc({ subject: def.subject, outcome });
      this.deps.metrics?.requestDuration.observe(
        { subject: def.subject },
        (performance.now() - started) / 1000,
      );
    }
  }

  private errorReply(error: unknown, correlationId: string, subject: string): ErrorReply {
    if (isRampartError(error)) {
      if (error.status >= 500) this.deps.logger.error({ err: error, subject }, 'request failed');
      return {
        ...error.toJSON(),
        correlation_id: error.correlationId ?? correlationId,
        status: error.status,
      };
    }
    // Unknown failures are logged in full here and answered without internals.
    this.deps.logger.error({ err: error, subject }, 'request failed unexpectedly');
    return {
      code: 'INTERNAL_ERROR',
      message: `${subject} failed; see the responder's logs for correlation id ${correlationId}`,
      correlation_id: correlationId,
      retryable: false,
      status: 500,
    };
  }
}
