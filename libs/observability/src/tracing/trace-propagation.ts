import {
  ROOT_CONTEXT,
  SpanStatusCode,
  context,
  isSpanContextValid,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Span,
  type SpanKind,
} from '@opentelemetry/api';
import { maskSecrets } from '../logging/secret-masking';

export const TRACER_NAME = '@rampart/observability';

export interface WithSpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  /** Parent of the new span, usually from `extractTraceContext`; the active context otherwise. */
  parent?: Context;
}

/** Writes `traceparent` (and `tracestate`, baggage) of the active context into message headers. */
export function injectTraceContext(carrier: Record<string, string>): void {
  propagation.inject(context.active(), carrier);
}

/**
 * The context a message's headers describe. Based on the root context, not the active one: a consumer
 * callback runs in whatever context its subscription was created in, and a message without trace
 * headers must start a new trace rather than join that unrelated one.
 */
export function extractTraceContext(carrier: Record<string, string | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/**
 * Runs `fn` inside a new span made current, so spans, logs and messages it starts are its children.
 * A throw marks the span as failed and is rethrown; the span always ends.
 */
export function withSpan<T>(
  name: string,
  options: WithSpanOptions,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const tracer = trace.getTracer(TRACER_NAME);
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(
    name,
    { kind: options.kind, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        recordSpanError(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Marks `span` as failed with the exception recorded; messages are masked, spans leave the process too. */
export function recordSpanError(span: Span, error: unknown): void {
  const message = maskSecrets(error instanceof Error ? error.message : String(error));
  span.recordException(
    error instanceof Error
      ? { name: error.name, message, stack: error.stack === undefined ? undefined : maskSecrets(error.stack) }
      : message,
  );
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}

/** Ids of the active span (also a remote parent continued without an SDK); empty when there is none. */
export function currentTraceIds(): { traceId?: string; spanId?: string } {
  const spanContext = trace.getSpanContext(context.active());
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}
