/**
 * The one envelope of every event: CloudEvents 1.0 attributes in binary content mode (each attribute a
 * `ce-` header, the payload as the message body), plus correlation and causation ids as CloudEvents
 * extensions and the W3C trace context in its own `traceparent` / `tracestate` headers.
 */
export interface EventEnvelope {
  /** Unique per event; also the JetStream `Nats-Msg-Id` and the consumers' inbox key. */
  readonly id: string;
  /** `rampart/<service>`. */
  readonly source: string;
  /** The versioned subject, e.g. `incident.opened.v1`. */
  readonly type: string;
  readonly specversion: '1.0';
  /** RFC 3339 time at which the event occurred. */
  readonly time: string;
  /** What the event is about (an incident id, a campaign id), when there is one. */
  readonly subject?: string;
  readonly datacontenttype: string;
  /** `urn:rampart:proto:<protobuf type name>`: the schema of record of the payload. */
  readonly dataschema?: string;
  /** Shared by everything that one user action or signal set in motion. */
  readonly correlationid: string;
  /** Id of the event or request that directly caused this one. */
  readonly causationid?: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
}

export const HEADER = {
  id: 'ce-id',
  source: 'ce-source',
  type: 'ce-type',
  specversion: 'ce-specversion',
  time: 'ce-time',
  subject: 'ce-subject',
  datacontenttype: 'content-type',
  dataschema: 'ce-dataschema',
  correlationid: 'ce-correlationid',
  causationid: 'ce-causationid',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  /** Set on replies to requests that failed: the error code; the body is the error. */
  errorCode: 'rampart-error-code',
  /** Set on dead letters: why the message was given up on, and where it came from. */
  deadLetterError: 'rampart-dlq-error',
  deadLetterSubject: 'rampart-dlq-subject',
  deadLetterConsumer: 'rampart-dlq-consumer',
  deadLetterDeliveries: 'rampart-dlq-deliveries',
  deadLetterStreamSequence: 'rampart-dlq-stream-seq',
  /** JetStream de-duplication header. */
  natsMsgId: 'Nats-Msg-Id',
} as const;

type EnvelopeKey = keyof EventEnvelope;
const ENVELOPE_KEYS: readonly EnvelopeKey[] = [
  'id',
  'source',
  'type',
  'specversion',
  'time',
  'subject',
  'datacontenttype',
  'dataschema',
  'correlationid',
  'causationid',
  'traceparent',
  'tracestate',
];

export function envelopeToHeaders(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const key of ENVELOPE_KEYS) {
    const value = envelope[key];
    if (value !== undefined && value !== '') headers[HEADER[key]] = value;
  }
  return headers;
}

/** Reads an envelope from headers; returns the names of required attributes that are missing. */
export function envelopeFromHeaders(get: (name: string) => string | undefined): {
  envelope: EventEnvelope;
  missing: string[];
} {
  const read = (key: EnvelopeKey): string | undefined => {
    const value = get(HEADER[key]);
    return value === undefined || value === '' ? undefined : value;
  };
  const required = ['id', 'source', 'type', 'time'] as const;
  const missing = required.filter((key) => read(key) === undefined).map((key) => HEADER[key]);
  const id = read('id') ?? '';
  const envelope: EventEnvelope = {
    id,
    source: read('source') ?? '',
    type: read('type') ?? '',
    specversion: '1.0',
    time: read('time') ?? '',
    subject: read('subject'),
    datacontenttype: read('datacontenttype') ?? 'application/json',
    dataschema: read('dataschema'),
    // An event from outside the platform may carry no correlation id: it starts its own correlation.
    correlationid: read('correlationid') ?? id,
    causationid: read('causationid'),
    traceparent: read('traceparent'),
    tracestate: read('tracestate'),
  };
  return { envelope, missing };
}

export function sourceOf(service: string): string {
  return `rampart/${service}`;
}

export function dataSchemaOf(typeName: string): string {
  return `urn:rampart:proto:${typeName}`;
}
