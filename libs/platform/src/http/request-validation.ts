import { type z } from 'zod';
import { RampartError } from '@rampart/contracts';
import { currentCorrelationId } from '@rampart/observability';

export type RequestErrorCode = 'REQUEST_INVALID';

/** A request that does not match its schema; the details name each bad field and what was expected. */
export class RequestValidationError extends RampartError<RequestErrorCode> {
  constructor(problems: { field: string; problem: string }[]) {
    super(
      'REQUEST_INVALID',
      `Invalid request: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`,
      400,
      { details: { problems }, correlationId: currentCorrelationId() },
    );
  }
}

/** Validates an HTTP body (or query) against a zod schema; unknown fields are refused when the schema is strict. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new RequestValidationError(
    result.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
      problem: issue.message,
    })),
  );
}
