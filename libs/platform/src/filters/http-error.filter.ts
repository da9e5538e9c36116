import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from 'pino';
import { isRampartError, type ErrorBody } from '@rampart/contracts';
import { currentCorrelationId, newCorrelationId } from '@rampart/observability';

/** The parts of Express' request and response this filter uses. */
interface HttpRequestLike {
  method: string;
  route?: { path?: string };
}
interface HttpResponseLike {
  headersSent: boolean;
  setHeader(name: string, value: string): void;
  status(code: number): { json(body: unknown): void };
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message?: string;
}

/**
 * The HTTP transport's one exception filter: every error becomes `{error: {code, message, correlation_id}}`
 * with the right status. Client mistakes say what to fix; server faults are logged in full and answered
 * without internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<HttpResponseLike>();
    const request = http.getRequest<HttpRequestLike>();
    const correlationId = currentCorrelationId() ?? newCorrelationId();
    const { status, body } = this.toResponse(exception, correlationId);
    if (status >= 500) {
      this.logger.error(
        { err: exception, method: request.method, route: request.route?.path },
        'request failed',
      );
    }
    if (response.headersSent) return;
    // Rate limits say when to come back (RFC 9110 Retry-After, whole seconds).
    const retryAfterMs = body.details?.retry_after_ms;
    if (typeof retryAfterMs === 'number')
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
    response.status(status).json({ error: body });
  }

  private toResponse(exception: unknown, correlationId: string): { status: number; body: ErrorBody } {
    if (isRampartError(exception)) {
      return {
        status: exception.status,
        body: { ...exception.toJSON(), correlation_id: exception.correlationId ?? correlationId },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? ([] as unknown[]).concat(response.message).join('; ')
          : exception.message;
      return {
        status,
        body: { code: `HTTP_${status}`, message, correlation_id: correlationId, retryable: status >= 500 },
      };
    }
    const parser = exception as BodyParserError;
    if (parser?.type === 'entity.parse.failed') {
      return {
        status: 400,
        body: clientError('INVALID_JSON', 'Request body is not valid JSON', correlationId),
      };
    }
    if (parser?.type === 'entity.too.large') {
      return {
        status: 413,
        body: clientError('PAYLOAD_TOO_LARGE', 'Request body is too large', correlationId),
      };
    }
    if (parser?.expose && typeof parser.status === 'number' && parser.status < 500) {
      return {
        status: parser.status,
        body: clientError(`HTTP_${parser.status}`, parser.message ?? '', correlationId),
      };
    }
    return {
      status: 500,
      body: {
        code: 'INTERNAL_ERROR',
        message: `Internal error; quote correlation id ${correlationId} when reporting it`,
        correlation_id: correlationId,
        retryable: false,
      },
    };
  }
}

function clientError(code: string, message: string, correlationId: string): ErrorBody {
  return { code, message, correlation_id: correlationId, retryable: false };
}
