/**
 * The one base error of the platform. Every module throws a subclass with its own code union, so a caller
 * (or an exception filter) can tell what went wrong without parsing messages, and every error can be tied
 * back to the request or event that caused it through its correlation id.
 */
export interface RampartErrorOptions {
  correlationId?: string;
  /** Safe, non-secret details that help the caller fix the problem (field names, limits). */
  details?: Record<string, unknown>;
  /** Whether trying the same thing again may succeed (a timeout, a lost connection). */
  retryable?: boolean;
  cause?: unknown;
}

/** How an error maps onto HTTP; NATS replies carry the same code and status. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 502 | 503 | 504;

export abstract class RampartError<Code extends string = string> extends Error {
  readonly correlationId?: string;
  readonly details?: Record<string, unknown>;
  readonly retryable: boolean;

  protected constructor(
    readonly code: Code,
    message: string,
    readonly status: ErrorStatus,
    options: RampartErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.correlationId = options.correlationId;
    this.details = options.details;
    this.retryable = options.retryable ?? false;
  }

  /** The shape sent to clients over HTTP and NATS: never a stack, never a cause chain. */
  toJSON(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.correlationId ? { correlation_id: this.correlationId } : {}),
      ...(this.details ? { details: this.details } : {}),
      retryable: this.retryable,
    };
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  correlation_id?: string;
  details?: Record<string, unknown>;
  retryable: boolean;
}

export function isRampartError(value: unknown): value is RampartError {
  return value instanceof RampartError;
}
