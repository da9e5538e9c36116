import type { LogLevel } from '@rampart/config';
import { pino, type DestinationStream, type LogFn, type Logger } from 'pino';
import { currentContext } from '../context/request-context';
import { currentTraceIds } from '../tracing/trace-propagation';
import { REDACTED, maskSecrets, redactSecrets, serializeError } from './secret-masking';

export interface LoggerOptions {
  service: string;
  level: LogLevel;
  instanceId: string;
  /** Where lines go; stdout (synchronously, so a crash loses nothing) by default. */
  destination?: DestinationStream;
}

/**
 * Declared paths for pino's own redaction. The key-based pass in `redactSecrets` covers any depth and
 * spelling; these stay so that the redaction is visible in the logger's configuration and still applies
 * to whatever reaches pino without passing through the formatter.
 */
export const REDACT_PATHS: readonly string[] = [
  'password',
  'token',
  'secret',
  'apiKey',
  'api_key',
  'privateKey',
  'private_key',
  'credentials',
  'authorization',
  'cookie',
  'accessToken',
  'refreshToken',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.token',
  '*.secret',
  '*.apiKey',
  '*.api_key',
  '*.privateKey',
  '*.private_key',
  '*.credentials',
  '*.authorization',
  '*.cookie',
  '*.accessToken',
  '*.refreshToken',
];

/**
 * The platform's JSON logger: one line per entry with `service`, `instance`, ISO `time`, `level` as a
 * label, and the correlation and trace ids of the work in progress, so that a line can be followed across
 * services. Secrets are masked before anything is written.
 */
export function createLogger(options: LoggerOptions): Logger {
  const logger = pino(
    {
      level: options.level,
      base: { service: options.service, instance: options.instanceId },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactSecrets(bindings) as Record<string, unknown>,
        log: (object) => redactSecrets(object) as Record<string, unknown>,
      },
      mixin: contextFields,
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      serializers: { err: (value: unknown) => (value instanceof Error ? serializeError(value) : value) },
      hooks: { logMethod: maskArguments },
    },
    options.destination,
  );
  maskChildBindings(logger);
  return logger;
}

// pino gives child loggers an identity bindings formatter, so their bindings would skip the masking.
// Children inherit from their parent's prototype chain, so replacing `child` on the root covers them all.
function maskChildBindings(logger: Logger): void {
  const originalChild = Reflect.get(logger, 'child') as unknown as (
    this: Logger,
    ...args: unknown[]
  ) => Logger;
  (logger as unknown as { child: unknown }).child = function (
    this: Logger,
    bindings: Record<string, unknown>,
    ...rest: unknown[]
  ): Logger {
    return originalChild.call(this, redactSecrets(bindings), ...rest);
  };
}

function contextFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const ctx = currentContext();
  if (ctx) {
    fields.correlation_id = ctx.correlationId;
    if (ctx.causationId) fields.causation_id = ctx.causationId;
    if (ctx.messageId) fields.message_id = ctx.messageId;
    if (ctx.subject) fields.subject = ctx.subject;
  }
  const { traceId, spanId } = currentTraceIds();
  if (traceId && spanId) {
    fields.trace_id = traceId;
    fields.span_id = spanId;
  }
  return fields;
}

// The message and its interpolation arguments never pass through the formatter, so they are masked here.
function maskArguments(this: Logger, args: Parameters<LogFn>, method: LogFn): void {
  const [first, ...rest] = args as unknown[];
  const masked = rest.map((arg) => (typeof arg === 'string' ? maskSecrets(arg) : redactSecrets(arg)));
  if (first instanceof Error) {
    // pino would take the message from the error unmasked; give it the masked one instead.
    const message = typeof masked[0] === 'string' ? masked.shift() : maskSecrets(first.message);
    Reflect.apply(method, this, [{ err: first }, message, ...masked]);
    return;
  }
  const head = typeof first === 'string' ? maskSecrets(first) : first;
  Reflect.apply(method, this, [head, ...masked]);
}
