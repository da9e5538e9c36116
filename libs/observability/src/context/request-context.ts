import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What ties a log line, a span or an outgoing message back to the request or event that caused it. */
export interface RequestContext {
  correlationId: string;
  /** Id of the message that caused the work now running (the parent in the causation chain). */
  causationId?: string;
  /** Id of the message being handled, when the work is a message handler. */
  messageId?: string;
  /** Bus subject of that message. */
  subject?: string;
}

export const CORRELATION_ID_HEADER = 'x-correlation-id';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

// Kept on globalThis so that two copies of this package in one process (a linked workspace next to a
// built one) still share the context; otherwise a handler would not see the context its caller set.
const STORAGE_KEY = Symbol.for('rampart.observability.request-context');
type GlobalWithStorage = typeof globalThis & { [STORAGE_KEY]?: AsyncLocalStorage<RequestContext> };
const storage = ((globalThis as GlobalWithStorage)[STORAGE_KEY] ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` (and everything it starts, sync or async) with `ctx` as the current context. */
export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function newCorrelationId(): string {
  return randomUUID();
}

/**
 * Whether a correlation id received from outside may be trusted as is: bounded and free of characters
 * that could forge log lines or headers. Anything else is replaced by a new id rather than rejected.
 */
export function isValidCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && CORRELATION_ID.test(value);
}
