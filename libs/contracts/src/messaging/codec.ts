import {
  create,
  fromJson,
  fromJsonString,
  toJson,
  toJsonString,
  type DescMessage,
  type JsonValue,
  type MessageInitShape,
  type MessageShape,
} from '@bufbuild/protobuf';
import { ContractError } from '../errors/contract-error';
import type { Plain } from './plain';

export const PAYLOAD_CONTENT_TYPE = 'application/json';

const encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Payloads travel as the protobuf JSON mapping with the schema's own (snake_case) field names and every
 * field present, so a consumer in any language, or a person running `nats sub`, reads them without the
 * schema; the schema still validates them on the way in.
 */
export function encodeMessage<S extends DescMessage>(schema: S, data: Plain<MessageShape<S>>): Uint8Array {
  const message = create(schema, data as MessageInitShape<S>);
  return encoder.encode(toJsonString(schema, message, { useProtoFieldName: true, alwaysEmitImplicit: true }));
}

/**
 * Decodes and validates a payload against its schema of record. Unknown fields are ignored so that a
 * producer may add fields (a compatible change) before every consumer is upgraded.
 */
export function decodeMessage<S extends DescMessage>(
  schema: S,
  bytes: Uint8Array,
  where: string,
  correlationId?: string,
  options: { strict?: boolean } = {},
): MessageShape<S> {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new ContractError('CONTRACT_PAYLOAD_INVALID', `Payload on ${where} is not valid UTF-8`, {
      correlationId,
    });
  }
  try {
    return fromJsonString(schema, text, { ignoreUnknownFields: !options.strict });
  } catch (error) {
    throw payloadMismatch(schema, where, error, correlationId);
  }
}

/** The same mapping as a JSON value, for payloads stored inside other JSON (BullMQ job data). */
export function toJsonValue<S extends DescMessage>(schema: S, data: Plain<MessageShape<S>>): JsonValue {
  const message = create(schema, data as MessageInitShape<S>);
  return toJson(schema, message, { useProtoFieldName: true, alwaysEmitImplicit: true });
}

export function fromJsonValue<S extends DescMessage>(
  schema: S,
  json: JsonValue,
  where: string,
  correlationId?: string,
): MessageShape<S> {
  try {
    return fromJson(schema, json, { ignoreUnknownFields: true });
  } catch (error) {
    throw payloadMismatch(schema, where, error, correlationId);
  }
}

function payloadMismatch(
  schema: DescMessage,
  where: string,
  error: unknown,
  correlationId?: string,
): ContractError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ContractError(
    'CONTRACT_PAYLOAD_INVALID',
    `Payload on ${where} does not match ${schema.typeName}: ${reason}`,
    {
      correlationId,
      details: { schema: schema.typeName },
      cause: error,
    },
  );
}
