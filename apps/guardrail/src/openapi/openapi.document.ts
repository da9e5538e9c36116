import { GuardrailCanaryV1, GuardrailCheckV1 } from '@rampart/contracts';
import { jsonSchemaComponents, type JsonSchema } from './proto-json-schema';

const ERROR: JsonSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', example: 'GUARDRAIL_REQUEST_INVALID' },
        message: { type: 'string' },
        correlation_id: { type: 'string' },
        details: { type: 'object' },
        retryable: { type: 'boolean' },
      },
    },
  },
};

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      {
        description: STATUS_TEXT[code],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request: the message names the field',
  401: 'Missing or wrong admin token',
  404: 'Not found',
  409: 'Conflicts with the current rollout',
  413: 'Text larger than GUARDRAIL_MAX_TEXT_BYTES',
  429: 'Rate limit or quota reached (Retry-After says when to come back)',
  503: 'A dependency is unavailable',
};

const json = (ref: string) => ({
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});

/** The OpenAPI 3.1 document of the guardrail's HTTP API; message schemas come from proto/. */
export function guardrailOpenApiDocument(version: string): JsonSchema {
  const schemas = jsonSchemaComponents([
    GuardrailCheckV1.request,
    GuardrailCheckV1.reply,
    GuardrailCanaryV1.reply,
  ]);
  schemas.CheckRequest = { ...schemas.CheckRequest, required: ['direction', 'text'] };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rampart guardrail',
      version,
      description:
        'Checks every prompt (direction input) and model response (direction output) against the SafetyGuard ' +
        'detectors and the constitutional policy. The same contract is served over NATS as guardrail.check.v1.',
    },
    paths: {
      '/v1/check': {
        post: {
          operationId: 'check',
          summary: 'Check one text and get a decision: allow, modify (with the modified text) or block',
          requestBody: { required: true, ...json('CheckRequest') },
          responses: {
            '200': { description: 'The decision, its violations and evidence', ...json('CheckReply') },
            ...errors(400, 413, 429, 503),
          },
        },
      },
      '/v1/canary': {
        post: {
          operationId: 'issueCanary',
          summary: "Plant a canary token in a conversation's system prompt",
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['conversation_id'],
                  properties: { conversation_id: { type: 'string' }, system_prompt: { type: 'string' } },
                },
              },
            },
          },
          responses: {
            '201': { description: 'The token and the system prompt carrying it', ...json('CanaryReply') },
            ...errors(400),
          },
        },
      },
      '/v1/decisions/{decisionId}/false-positive': {
        post: {
          operationId: 'reportFalsePositive',
          summary: 'Report a decision as wrong; counted in canary comparisons (admin token)',
          security: [{ adminToken: [] }],
          parameters: [{ name: 'decisionId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '202': { description: 'Recorded' }, ...errors(400, 401) },
        },
      },
      '/v1/policies': {
        get: {
          operationId: 'listPolicies',
          summary: 'Policy versions and their rollout stage',
          security: [{ adminToken: [] }],
          responses: { '200': { description: 'Versions, newest first' }, ...errors(401) },
        },
        post: {
          operationId: 'createPolicy',
          summary: 'Store a constitution (YAML in `document`) as a draft version',
          security: [{ adminToken: [] }],
          responses: { '201': { description: 'The draft version' }, ...errors(400, 401) },
        },
      },
      '/v1/policies/{version}/{action}': {
        post: {
          operationId: 'rolloutPolicy',
          summary: 'Rollout actions: shadow, canary, advance (1% → 5% → 25% → 100%), promote, rollback',
          security: [{ adminToken: [] }],
          parameters: [
            { name: 'version', in: 'path', required: true, schema: { type: 'integer' } },
            {
              name: 'action',
              in: 'path',
              required: true,
              schema: { type: 'string', enum: ['shadow', 'canary', 'advance', 'promote', 'rollback'] },
            },
          ],
          responses: {
            '200': { description: 'The version after the action' },
            ...errors(400, 401, 404, 409),
          },
        },
      },
    },
    components: {
      schemas: { ...schemas, Error: ERROR },
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'GUARDRAIL_ADMIN_TOKEN' },
      },
    },
  };
}
