import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import type { ServiceName } from '../services';
import type { Plain } from './plain';

/** `<domain>.<event words>.v<major>`, lower case: e.g. `incident.opened.v1`, `guardrail.policy.published.v1`. */
const VERSIONED_SUBJECT = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9_-]*)+\.v[1-9][0-9]*$/;
const STREAM_NAME = /^[A-Z][A-Z0-9_]*$/;
const QUEUE_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** A JetStream stream, declared in code and provisioned idempotently by the services that publish to it. */
export interface StreamDef {
  readonly name: string;
  readonly description: string;
  /** How long messages are kept, in milliseconds. */
  readonly maxAgeMs: number;
  /** Window in which a repeated `Nats-Msg-Id` is dropped as a duplicate, in milliseconds. */
  readonly duplicateWindowMs: number;
  /** Refuse deletes and purges through the API: for streams whose history is evidence. */
  readonly immutable?: boolean;
}

export interface EventDef<S extends DescMessage = DescMessage> {
  readonly kind: 'event';
  /** Subject and CloudEvents `type`, e.g. `incident.opened.v1`. */
  readonly type: string;
  readonly stream: StreamDef;
  readonly schema: S;
}

export interface RequestDef<Req extends DescMessage = DescMessage, Res extends DescMessage = DescMessage> {
  readonly kind: 'request';
  readonly subject: string;
  /** The service whose replicas answer, as one NATS queue group. */
  readonly responder: ServiceName;
  readonly request: Req;
  readonly reply: Res;
  /** How long a caller waits for the reply unless it says otherwise. */
  readonly timeoutMs: number;
  /**
   * Refuse requests with fields the schema does not know. For APIs that callers outside the platform use,
   * where a misspelt field must be an error rather than silently ignored.
   */
  readonly strict: boolean;
}

export interface QueueDef<S extends DescMessage = DescMessage> {
  readonly kind: 'queue';
  /** BullMQ queue name, e.g. `alerting.deliveries`. */
  readonly name: string;
  /** The service whose workers process the queue. */
  readonly owner: ServiceName;
  readonly schema: S;
  /** Attempts before a job is failed for good, and the base of its exponential backoff. */
  readonly attempts: number;
  readonly backoffMs: number;
}

/** What a caller writes to publish an event: the payload fields, every non-optional one required. */
export type EventData<E extends EventDef> = Plain<MessageShape<E['schema']>>;
/** What a handler receives: the decoded message. */
export type EventMessage<E extends EventDef> = MessageShape<E['schema']>;
export type RequestData<R extends RequestDef> = Plain<MessageShape<R['request']>>;
export type RequestMessage<R extends RequestDef> = MessageShape<R['request']>;
export type ReplyData<R extends RequestDef> = Plain<MessageShape<R['reply']>>;
export type ReplyMessage<R extends RequestDef> = MessageShape<R['reply']>;
export type JobData<Q extends QueueDef> = Plain<MessageShape<Q['schema']>>;
export type JobMessage<Q extends QueueDef> = MessageShape<Q['schema']>;

function assertMatches(kind: string, value: string, pattern: RegExp): void {
  if (!pattern.test(value)) {
    // Thrown at module load: a malformed contract must stop every service, not one message.
    throw new Error(`Invalid ${kind} name "${value}": must match ${pattern}`);
  }
}

export function defineStream(def: StreamDef): StreamDef {
  assertMatches('stream', def.name, STREAM_NAME);
  return Object.freeze({ ...def });
}

export function defineEvent<S extends DescMessage>(type: string, stream: StreamDef, schema: S): EventDef<S> {
  assertMatches('event subject', type, VERSIONED_SUBJECT);
  return Object.freeze({ kind: 'event', type, stream, schema });
}

export function defineRequest<Req extends DescMessage, Res extends DescMessage>(def: {
  subject: string;
  responder: ServiceName;
  request: Req;
  reply: Res;
  timeoutMs?: number;
  strict?: boolean;
}): RequestDef<Req, Res> {
  assertMatches('request subject', def.subject, VERSIONED_SUBJECT);
  return Object.freeze({ kind: 'request', timeoutMs: 5_000, strict: false, ...def });
}

export function defineQueue<S extends DescMessage>(def: {
  name: string;
  owner: ServiceName;
  schema: S;
  attempts?: number;
  backoffMs?: number;
}): QueueDef<S> {
  assertMatches('queue', def.name, QUEUE_NAME);
  return Object.freeze({ kind: 'queue', attempts: 5, backoffMs: 1_000, ...def });
}
