import { EventPattern, MessagePattern } from '@nestjs/microservices';
import type { EventDef, EventMessage, ReplyData, RequestDef, RequestMessage } from '@rampart/contracts';
import type { EventHandlerSpec } from '../jetstream/consumer-runner';
import type { RampartEventContext, RampartRequestContext } from './message-contexts';

/** Key under which the decorators pass their contract definition to the transport. */
export const RAMPART_HANDLER = 'rampart';

export type OnEventOptions = Pick<
  EventHandlerSpec,
  'durable' | 'concurrency' | 'idempotent' | 'deliverPolicy'
>;

export interface EventHandlerMeta {
  kind: 'event';
  def: EventDef;
  options: OnEventOptions;
}

export interface RequestHandlerMeta {
  kind: 'request';
  def: RequestDef;
}

export interface BroadcastHandlerMeta {
  kind: 'broadcast';
  def: EventDef;
}

type Handler<Args extends unknown[], Result> = (...args: Args) => Result;

/**
 * Handles an event through a durable JetStream consumer. The handler's first parameter must be the
 * event's message type, so handling the wrong event does not compile. The handler's effects, its inbox
 * row, audit entries and outbox events share one transaction; it is acknowledged after the commit.
 */
export function OnEvent<E extends EventDef>(event: E, options: OnEventOptions) {
  // The string overload of EventPattern: the event map typing is replaced by the contract's own.
  const decorate = EventPattern<string>(event.type, {
    [RAMPART_HANDLER]: { kind: 'event', def: event, options },
  });
  return <T extends Handler<[EventMessage<E>, RampartEventContext], Promise<void>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    decorate(target, key, descriptor);
  };
}

/** Answers a request-reply subject; the reply type is checked against the contract at compile time. */
export function OnRequest<R extends RequestDef>(def: R) {
  const decorate: MethodDecorator = MessagePattern(def.subject, {
    [RAMPART_HANDLER]: { kind: 'request', def },
  });
  return <T extends Handler<[RequestMessage<R>, RampartRequestContext], Promise<ReplyData<R>>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    decorate(target, key, descriptor);
  };
}

/**
 * Receives every occurrence of an event on every replica (a plain NATS subscription, no queue group, no
 * acknowledgement): for keeping in-memory state in step, such as reloading a published policy. At most once
 * per replica — pair it with a periodic reconciliation for anything that must not be missed.
 */
export function OnBroadcast<E extends EventDef>(event: E) {
  const decorate = EventPattern<string>(event.type, {
    [RAMPART_HANDLER]: { kind: 'broadcast', def: event },
  });
  return <T extends Handler<[EventMessage<E>, RampartEventContext], Promise<void>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    decorate(target, key, descriptor);
  };
}
