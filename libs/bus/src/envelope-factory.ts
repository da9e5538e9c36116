import { v7 as uuidv7 } from 'uuid';
import {
  dataSchemaOf,
  PAYLOAD_CONTENT_TYPE,
  sourceOf,
  type EventDef,
  type EventEnvelope,
} from '@rampart/contracts';
import { currentContext, injectTraceContext, newCorrelationId } from '@rampart/observability';

export interface EnvelopeOptions {
  /** What the event is about (CloudEvents `subject`), e.g. an incident id. */
  subject?: string;
  /** Event id; defaults to a time-ordered UUIDv7. */
  id?: string;
  time?: Date;
}

/**
 * Builds the envelope of an event from the current request context: the correlation id it belongs to,
 * the message that caused it, and the active trace. Work started outside any context begins a new
 * correlation.
 */
export class EnvelopeFactory {
  constructor(private readonly service: string) {}

  create(event: EventDef, options: EnvelopeOptions = {}): EventEnvelope {
    const context = currentContext();
    const trace: Record<string, string> = {};
    injectTraceContext(trace);
    return {
      id: options.id ?? uuidv7(),
      source: sourceOf(this.service),
      type: event.type,
      specversion: '1.0',
      time: (options.time ?? new Date()).toISOString(),
      subject: options.subject,
      datacontenttype: PAYLOAD_CONTENT_TYPE,
      dataschema: dataSchemaOf(event.schema.typeName),
      correlationid: context?.correlationId ?? newCorrelationId(),
      causationid: context?.messageId ?? context?.causationId,
      traceparent: trace.traceparent,
      tracestate: trace.tracestate,
    };
  }
}
