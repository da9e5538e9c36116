import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import {
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { RPCType, getRPCMetadata } from '@opentelemetry/core';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import type { Logger } from 'pino';
import {
  CORRELATION_ID_HEADER,
  isValidCorrelationId,
  newCorrelationId,
  runWithContext,
  type RequestContext,
} from '../context/request-context';
import { OBSERVABILITY_OPTIONS, LOGGER } from '../observability.constants';
import { TRACER_NAME } from '../tracing/trace-propagation';
import {
  PROBE_ROUTES,
  isProbeUrl,
  methodOf,
  noteMiddlewareMount,
  routeOf,
  statusOf,
  type HttpRequest,
  type HttpResponse,
  type NextFunction,
} from './http-route';

export interface RequestContextMiddlewareOptions {
  /** Routes whose request lines are logged at debug rather than info; the probe routes by default. */
  quietRoutes?: readonly string[];
}

/**
 * Gives every HTTP request a correlation id (the caller's, when it is well-formed) and a server span that
 * continues the caller's `traceparent`, runs the rest of the request inside both, answers with the id in
 * `x-correlation-id`, and writes one log line when the response is done.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware<HttpRequest, HttpResponse> {
  private readonly quietRoutes: ReadonlySet<string>;

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(OBSERVABILITY_OPTIONS) options: RequestContextMiddlewareOptions,
  ) {
    this.quietRoutes = new Set(options.quietRoutes ?? PROBE_ROUTES);
  }

  use(request: HttpRequest, response: HttpResponse, next: NextFunction): void {
    const started = performance.now();
    noteMiddlewareMount(request);
    const incoming = request.headers[CORRELATION_ID_HEADER];
    const requestContext: RequestContext = {
      correlationId: isValidCorrelationId(incoming) ? incoming : newCorrelationId(),
    };
    response.setHeader(CORRELATION_ID_HEADER, requestContext.correlationId);

    const method = methodOf(request);
    const { spanContext, ownSpan } = this.serverSpan(method, request);

    // Prepended so the route is known before the http instrumentation's own 'close' listener ends its span.
    response.prependOnceListener('close', () => {
      const route = routeOf(request);
      const status = statusOf(response);
      const rpcMetadata = getRPCMetadata(spanContext);
      if (rpcMetadata?.type === RPCType.HTTP) rpcMetadata.route = route;
      if (ownSpan) endSpan(ownSpan, method, route, status);
      runWithContext(requestContext, () =>
        context.with(spanContext, () => this.logRequest(method, route, status, performance.now() - started)),
      );
    });

    runWithContext(requestContext, () => context.with(spanContext, () => next()));
  }

  /**
   * When the http instrumentation traced this request, its server span is already active (a second one
   * would double every request) and only needs the route. Otherwise a span continuing the caller's
   * traceparent is started here; without a tracer provider it records nothing but still carries the
   * caller's trace id into logs and outgoing messages. Probes get no span of their own: they would drown
   * the real traces, as the instrumentation's ignore rule says too.
   */
  private serverSpan(method: string, request: HttpRequest): { spanContext: Context; ownSpan?: Span } {
    const active = context.active();
    if (getRPCMetadata(active)?.type === RPCType.HTTP) return { spanContext: active };
    const parent = propagation.extract(active, request.headers);
    if (isProbeUrl(request.originalUrl ?? request.url)) return { spanContext: parent };
    const ownSpan = trace
      .getTracer(TRACER_NAME)
      .startSpan(
        method,
        { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method } },
        parent,
      );
    return { spanContext: trace.setSpan(parent, ownSpan), ownSpan };
  }

  // No URL and no query string: both can carry secrets; the route pattern says which endpoint it was.
  private logRequest(method: string, route: string, status: number, durationMs: number): void {
    const fields = { method, route, status, duration_ms: Math.round(durationMs * 10) / 10 };
    if (this.quietRoutes.has(route)) this.logger.debug(fields, 'http request');
    else this.logger.info(fields, 'http request');
  }
}

function endSpan(span: Span, method: string, route: string, status: number): void {
  span.updateName(`${method} ${route}`);
  span.setAttributes({ [ATTR_HTTP_ROUTE]: route, [ATTR_HTTP_RESPONSE_STATUS_CODE]: status });
  // Semantic conventions: 4xx is the client's fault, not a failure of the server span.
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
