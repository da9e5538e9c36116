import { NoRespondersError, RequestError, TimeoutError, type NatsConnection } from '@nats-io/transport-node';
import { SpanKind } from '@opentelemetry/api';
import {
  decodeMessage,
  encodeMessage,
  HEADER,
  type ErrorBody,
  type ErrorStatus,
  type ReplyMessage,
  type RequestData,
  type RequestDef,
} from '@rampart/contracts';
import { currentContext, injectTraceContext, newCorrelationId, withSpan } from '@rampart/observability';
import { BusError, RemoteCallError } from '../bus-error';
import type { BusNaming } from '../bus-naming';
import { headerReader, toNatsHeaders } from '../nats/nats-headers';

/**
 * Calls another service over NATS request-reply with a typed request and reply. Replicas of the responder
 * share the subject as a queue group, so one answers. Error replies become RemoteCallError with the
 * responder's code; a missing responder or a timeout is a retryable BusError.
 */
export class RequestClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly naming: BusNaming,
    private readonly service: string,
  ) {}

  async request<R extends RequestDef>(
    def: R,
    data: RequestData<R>,
    options: { timeoutMs?: number } = {},
  ): Promise<ReplyMessage<R>> {
    const subject = this.naming.subject(def.subject);
    const correlationId = currentContext()?.correlationId ?? newCorrelationId();
    return withSpan(
      `${def.subject} request`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject },
      },
      async () => {
        const headers: Record<string, string> = {
          [HEADER.correlationid]: correlationId,
          [HEADER.source]: `rampart/${this.service}`,
          [HEADER.datacontenttype]: 'application/json',
        };
        injectTraceContext(headers);
        let reply;
        try {
          reply = await this.nc.request(subject, encodeMessage(def.request, data), {
            timeout: options.timeoutMs ?? def.timeoutMs,
            headers: toNatsHeaders(headers),
          });
        } catch (error) {
          throw translateRequestError(error, def.subject, correlationId);
        }
        const read = headerReader(reply.headers);
        const errorCode = read(HEADER.errorCode);
        if (errorCode) throw remoteError(errorCode, reply.data, def.subject, correlationId);
        return decodeMessage(
          def.reply,
          reply.data,
          `reply of ${def.subject}`,
          correlationId,
        ) as ReplyMessage<R>;
      },
    );
  }
}

function translateRequestError(error: unknown, subject: string, correlationId: string): Error {
  const noResponders =
    error instanceof NoRespondersError ||
    (error instanceof RequestError && error.isNoResponders()) ||
    (error instanceof Error && error.cause instanceof NoRespondersError);
  if (noResponders) {
    return new BusError('BUS_NO_RESPONDERS', `No service is answering ${subject}`, {
      correlationId,
      retryable: true,
      cause: error,
    });
  }
  const timedOut =
    error instanceof TimeoutError || (error instanceof Error && error.cause instanceof TimeoutError);
  if (timedOut) {
    return new BusError('BUS_REQUEST_TIMEOUT', `No reply to ${subject} in time`, {
      correlationId,
      retryable: true,
      cause: error,
    });
  }
  return new BusError('BUS_NOT_CONNECTED', `Request on ${subject} failed: ${(error as Error).message}`, {
    correlationId,
    retryable: true,
    cause: error,
  });
}

function remoteError(
  code: string,
  body: Uint8Array,
  subject: string,
  correlationId: string,
): RemoteCallError {
  let parsed: Partial<ErrorBody> & { status?: ErrorStatus } = {};
  try {
    parsed = JSON.parse(new TextDecoder().decode(body)) as typeof parsed;
  } catch {
    // A malformed error body still carries its code in the header.
  }
  return new RemoteCallError(
    code,
    parsed.message ?? `${subject} failed with ${code}`,
    parsed.status ?? 502,
    subject,
    {
      correlationId: parsed.correlation_id ?? correlationId,
      details: parsed.details,
      retryable: parsed.retryable ?? false,
    },
  );
}
