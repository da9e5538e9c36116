import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { Counter, Histogram } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service';
import {
  methodOf,
  noteMiddlewareMount,
  routeOf,
  statusOf,
  type HttpRequest,
  type HttpResponse,
  type NextFunction,
} from './http-route';

type HttpLabels = 'method' | 'route' | 'status';

/** Records `rampart_http_requests_total` and `rampart_http_request_duration_seconds` for every request. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware<HttpRequest, HttpResponse> {
  private readonly requests: Counter<HttpLabels>;
  private readonly duration: Histogram<HttpLabels>;

  constructor(metrics: MetricsService) {
    const labels: HttpLabels[] = ['method', 'route', 'status'];
    this.requests = metrics.counter('rampart_http_requests_total', 'HTTP requests served', labels);
    this.duration = metrics.histogram(
      'rampart_http_request_duration_seconds',
      'Time from receiving an HTTP request to the end of its response',
      labels,
    );
  }

  use(request: HttpRequest, response: HttpResponse, next: NextFunction): void {
    const started = process.hrtime.bigint();
    noteMiddlewareMount(request);
    // 'close' also fires when the client hangs up early, which 'finish' does not.
    response.once('close', () => {
      const labels = {
        method: methodOf(request),
        route: routeOf(request),
        status: String(statusOf(response)),
      };
      this.requests.inc(labels);
      this.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  }
}
