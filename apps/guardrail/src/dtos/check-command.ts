import { fromJson, type JsonValue } from '@bufbuild/protobuf';
import { guardrailV1 } from '@rampart/contracts';
import type { ConversationMessage, Direction } from '@rampart/safety';
import { GuardrailError } from '../services/guardrail-error';

/** A validated check: what the service works with, whichever transport it came from. */
export interface CheckCommand {
  direction: Direction;
  text: string;
  conversationId?: string;
  endpoint?: string;
  userId?: string;
  systemPrompt?: string;
  messages: ConversationMessage[];
  /** A pinned policy version, when the caller asked for one. */
  policyVersion?: number;
}

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);
const IDENTIFIER = /^[\w.:@/-]{1,200}$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

function invalid(field: string, problem: string): GuardrailError {
  return new GuardrailError('GUARDRAIL_REQUEST_INVALID', `${field}: ${problem}`, { details: { field } });
}

/** Parses an HTTP body the way the NATS transport parses a request: strict UTF-8 and the schema's fields only. */
export function parseCheckBody(raw: Buffer | undefined, parsed: unknown): guardrailV1.CheckRequest {
  if (raw) {
    try {
      strictUtf8.decode(raw);
    } catch {
      throw invalid('(body)', 'is not valid UTF-8');
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid('(body)', 'expected a JSON object');
  }
  try {
    return fromJson(guardrailV1.CheckRequestSchema, parsed as JsonValue, { ignoreUnknownFields: false });
  } catch (error) {
    throw invalid(fieldOf((error as Error).message), explain((error as Error).message));
  }
}

/** Checks what the schema cannot express: presence, allowed values, sizes. */
export function toCheckCommand(request: guardrailV1.CheckRequest, maxTextBytes: number): CheckCommand {
  if (request.direction === undefined) throw invalid('direction', 'is required ("input" or "output")');
  if (request.direction !== 'input' && request.direction !== 'output') {
    throw invalid('direction', `expected "input" or "output", got "${request.direction.slice(0, 40)}"`);
  }
  if (request.text === undefined) throw invalid('text', 'is required');
  const bytes = encoder.encode(request.text).length;
  if (bytes > maxTextBytes) {
    throw new GuardrailError(
      'GUARDRAIL_TEXT_TOO_LARGE',
      `text: ${bytes} bytes, more than the ${maxTextBytes} allowed`,
      {
        details: { field: 'text', bytes, limit: maxTextBytes },
      },
    );
  }
  const context = request.context;
  const messages = (context?.messages ?? []).map((message, i) => {
    if (!ROLES.has(message.role))
      throw invalid(`context.messages[${i}].role`, 'expected system, user, assistant or tool');
    return { role: message.role as ConversationMessage['role'], content: message.content };
  });
  for (const field of ['conversationId', 'endpoint', 'userId'] as const) {
    const value = context?.[field];
    if (value && !IDENTIFIER.test(value)) {
      throw invalid(`context.${snake(field)}`, 'expected at most 200 letters, digits or . _ : @ / -');
    }
  }
  let policyVersion: number | undefined;
  if (request.policy !== undefined) {
    policyVersion = Number(request.policy);
    if (!Number.isInteger(policyVersion) || policyVersion < 1)
      throw invalid('policy', 'expected a policy version number');
  }
  return {
    direction: request.direction,
    text: request.text,
    conversationId: context?.conversationId || undefined,
    endpoint: context?.endpoint || undefined,
    userId: context?.userId || undefined,
    systemPrompt: context?.systemPrompt,
    messages,
    policyVersion,
  };
}

// protobuf-es says `cannot decode field rampart.guardrail.v1.CheckRequest.text from JSON: expected string,
// got 12` or `cannot decode message rampart.guardrail.v1.CheckContext from JSON: key "x" is unknown`.
const PREFIX: Record<string, string> = {
  CheckRequest: '',
  CheckContext: 'context.',
  ChatMessage: 'context.messages[].',
};

function fieldOf(message: string): string {
  const unknown = /message rampart\.guardrail\.v1\.(\w+) from JSON: key "([^"]+)" is unknown/.exec(message);
  if (unknown) return `${PREFIX[unknown[1]] ?? ''}${unknown[2]}`;
  const field = /field rampart\.guardrail\.v1\.(\w+)\.(\w+)/.exec(message);
  return field ? `${PREFIX[field[1]] ?? ''}${snake(field[2])}` : '(body)';
}

function explain(message: string): string {
  if (/is unknown/.test(message)) return 'is not a field of a check request';
  return /from JSON: (.*)$/.exec(message)?.[1]?.slice(0, 80) ?? message;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
