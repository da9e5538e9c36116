import { ScalarType, type DescField, type DescMessage } from '@bufbuild/protobuf';

export type JsonSchema = Record<string, unknown>;

/**
 * JSON Schemas for protobuf messages as they travel (the protobuf JSON mapping with snake_case names), so the
 * OpenAPI document is derived from the schemas of record instead of restating them.
 */
export function jsonSchemaComponents(roots: readonly DescMessage[]): Record<string, JsonSchema> {
  const components: Record<string, JsonSchema> = {};
  const visit = (message: DescMessage) => {
    if (components[message.name]) return;
    components[message.name] = {}; // placeholder: recursive messages refer back to it
    const properties: Record<string, JsonSchema> = {};
    for (const field of message.fields) {
      properties[field.name] = fieldSchema(field, visit);
    }
    components[message.name] = { type: 'object', additionalProperties: false, properties };
  };
  roots.forEach(visit);
  return components;
}

function fieldSchema(field: DescField, visit: (message: DescMessage) => void): JsonSchema {
  // Generated descriptors carry no comments: the field documentation lives in proto/.
  const withDescription = (schema: JsonSchema) => schema;
  switch (field.fieldKind) {
    case 'scalar':
      return withDescription(scalarSchema(field.scalar));
    case 'enum':
      return withDescription({ type: 'string', enum: field.enum.values.map((v) => v.name) });
    case 'message':
      visit(field.message);
      return withDescription(messageSchema(field.message));
    case 'list':
      if (field.listKind === 'message') {
        visit(field.message);
        return withDescription({ type: 'array', items: messageSchema(field.message) });
      }
      if (field.listKind === 'enum') return withDescription({ type: 'array', items: { type: 'string' } });
      return withDescription({ type: 'array', items: scalarSchema(field.scalar) });
    case 'map':
      if (field.mapKind === 'message') {
        visit(field.message);
        return withDescription({ type: 'object', additionalProperties: messageSchema(field.message) });
      }
      return withDescription({
        type: 'object',
        additionalProperties: field.mapKind === 'enum' ? { type: 'string' } : scalarSchema(field.scalar),
      });
  }
}

function messageSchema(message: DescMessage): JsonSchema {
  if (message.typeName === 'google.protobuf.Timestamp') return { type: 'string', format: 'date-time' };
  return { $ref: `#/components/schemas/${message.name}` };
}

function scalarSchema(scalar: ScalarType): JsonSchema {
  switch (scalar) {
    case ScalarType.STRING:
      return { type: 'string' };
    case ScalarType.BOOL:
      return { type: 'boolean' };
    case ScalarType.BYTES:
      return { type: 'string', format: 'byte' };
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return { type: 'number' };
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return { type: 'integer' };
    // 64-bit integers travel as strings in the protobuf JSON mapping.
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return { type: 'string', pattern: '^-?[0-9]+$' };
  }
}
