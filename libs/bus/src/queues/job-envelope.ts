import type { JsonValue } from '@bufbuild/protobuf';

/**
 * What a BullMQ job carries: the payload in its schema's JSON mapping, and the context it was enqueued in,
 * so the worker continues the same correlation and trace.
 */
export interface JobEnvelope {
  payload: JsonValue;
  meta: {
    correlationId: string;
    causationId?: string;
    traceparent?: string;
    tracestate?: string;
    enqueuedBy: string;
    enqueuedAt: string;
  };
}
