import { Controller, Get, Param, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  ObservabilityModule,
  PinoNestLogger,
  ReadinessService,
  createLogger,
  currentCorrelationId,
  currentTraceIds,
  startTracing,
} from '../src';

@Controller('incidents')
class ProbeController {
  @Get(':id')
  get(@Param('id') id: string): Record<string, unknown> {
    return { id, correlationId: currentCorrelationId(), traceId: currentTraceIds().traceId };
  }

  @Get(':id/fail')
  fail(): never {
    throw new Error('handler failed with postgresql://svc:db-pw-42@db/rampart');
  }
}

/** Value of the sample of `name` whose labels include `labels`, whatever their order in the text. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:][a-z0-9_:]*)\{(.*)\} (\S+)$/i.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

interface Line {
  level: string;
  msg?: string;
  [key: string]: unknown;
}

describe('ObservabilityModule in a Nest HTTP app', () => {
  let app: INestApplication;
  let base: string;
  let readiness: ReadinessService;
  const raw: string[] = [];
  const lines = (): Line[] => raw.map((line) => JSON.parse(line) as Line);

  beforeAll(async () => {
    // Export off: what the platform runs in tests, with propagation only.
    startTracing({ service: 'probe', instanceId: 'probe-1' });
    const logger = createLogger({
      service: 'probe',
      level: 'debug',
      instanceId: 'probe-1',
      destination: { write: (line: string) => void raw.push(line) },
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({
          service: 'probe',
          instanceId: 'probe-1',
          logLevel: 'debug',
          metricsEnabled: true,
          logger,
        }),
      ],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(PinoNestLogger));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    readiness = app.get(ReadinessService);
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers /health/live with 200 {status: ok}', async () => {
    const response = await fetch(`${base}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toContain('no-store');
  });

  it('answers /health/ready with 503 before markStarted()', async () => {
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as Record<string, Record<string, unknown>>;
    expect(body.status).toBe('error');
    expect(body.details.lifecycle).toEqual({ status: 'down', reason: 'starting' });
  });

  it('answers /health/ready with 200 and per-check details once started with a passing check', async () => {
    readiness.register('nats', async () => undefined);
    readiness.markStarted();
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, Record<string, Record<string, unknown>>>;
    expect(body.status).toBe('ok');
    expect(body.details.lifecycle).toEqual({ status: 'up', state: 'started' });
    expect(body.details.nats).toMatchObject({ status: 'up', duration_ms: expect.any(Number) });
    expect(lines()).toContainEqual(expect.objectContaining({ level: 'info', msg: 'readiness: ready' }));
  });

  it('answers /health/ready with 503 naming the failing check, without leaking its credentials', async () => {
    readiness.register('postgres', async () => {
      throw new Error('password authentication failed for postgresql://svc:pg-pw-99@db:5432/rampart');
    });
    try {
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).not.toContain('pg-pw-99');
      const body = JSON.parse(text) as Record<string, Record<string, Record<string, unknown>>>;
      expect(body.status).toBe('error');
      expect(body.error.postgres).toMatchObject({
        status: 'down',
        error: 'password authentication failed for postgresql://svc:***@db:5432/rampart',
      });
      expect(body.details.nats).toMatchObject({ status: 'up' });
      expect(lines()).toContainEqual(
        expect.objectContaining({ level: 'warn', msg: 'readiness: dependency down' }),
      );
    } finally {
      readiness.unregister('postgres');
    }
  });

  it('counts requests in /metrics by route pattern, not raw URL', async () => {
    await fetch(`${base}/incidents/42?token=abc`);
    await fetch(`${base}/incidents/43`);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const labels = {
      method: 'GET',
      route: '/incidents/:id',
      status: '200',
      service: 'probe',
      instance: 'probe-1',
    };
    expect(sample(text, 'rampart_http_requests_total', labels)).toBe(2);
    expect(sample(text, 'rampart_http_request_duration_seconds_count', labels)).toBe(2);
    expect(sample(text, 'rampart_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(2);
    expect(text).not.toContain('/incidents/42');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('labels requests that match no route as unmatched and counts failures with their status', async () => {
    expect((await fetch(`${base}/no/such/path/123`)).status).toBe(404);
    expect((await fetch(`${base}/incidents/7/fail`)).status).toBe(500);
    const text = await (await fetch(`${base}/metrics`)).text();
    const requests = (route: string, status: string) =>
      sample(text, 'rampart_http_requests_total', { method: 'GET', route, status });
    expect(requests('unmatched', '404')).toBe(1);
    expect(requests('/incidents/:id/fail', '500')).toBe(1);
    expect(text).not.toContain('{*path}');
  });

  it('returns the caller x-correlation-id and makes it the current correlation id in the handler', async () => {
    const response = await fetch(`${base}/incidents/1`, { headers: { 'x-correlation-id': 'req-abc.123' } });
    expect(response.headers.get('x-correlation-id')).toBe('req-abc.123');
    expect(await response.json()).toMatchObject({ correlationId: 'req-abc.123' });
  });

  it('replaces a missing or malformed x-correlation-id with a new uuid', async () => {
    const missing = await fetch(`${base}/incidents/1`);
    const generated = missing.headers.get('x-correlation-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(await missing.json()).toMatchObject({ correlationId: generated });

    const malformed = await fetch(`${base}/incidents/1`, {
      headers: { 'x-correlation-id': 'x'.repeat(129) },
    });
    expect(malformed.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('continues an incoming traceparent in the handler and in the request log line', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${base}/incidents/9`, {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01`, 'x-correlation-id': 'trace-check' },
    });
    expect(await response.json()).toMatchObject({ traceId });
    const requestLine = lines().find(
      (line) => line.msg === 'http request' && line.correlation_id === 'trace-check',
    );
    expect(requestLine).toMatchObject({ trace_id: traceId });
  });

  it('logs one info line per request with method, route, status and duration, never the query string', async () => {
    await fetch(`${base}/incidents/5?api_key=should-not-appear`, {
      headers: { 'x-correlation-id': 'log-check' },
    });
    const requestLines = lines().filter(
      (line) => line.correlation_id === 'log-check' && line.msg === 'http request',
    );
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      level: 'info',
      method: 'GET',
      route: '/incidents/:id',
      status: 200,
      duration_ms: expect.any(Number),
      service: 'probe',
      instance: 'probe-1',
    });
    expect(raw.join('')).not.toContain('should-not-appear');
  });

  it('logs probe and scrape requests at debug, not info', async () => {
    await fetch(`${base}/health/live`, { headers: { 'x-correlation-id': 'probe-check' } });
    const line = lines().find(
      (entry) => entry.correlation_id === 'probe-check' && entry.msg === 'http request',
    );
    expect(line).toMatchObject({ level: 'debug', route: '/health/live' });
  });

  it("writes Nest's own error log for an unhandled exception as JSON, masked, with the correlation id", async () => {
    await fetch(`${base}/incidents/8/fail`, { headers: { 'x-correlation-id': 'error-check' } });
    const errorLine = lines().find((line) => line.level === 'error' && line.correlation_id === 'error-check');
    expect(errorLine).toMatchObject({ context: 'ExceptionsHandler', err: { type: 'Error' } });
    expect(raw.join('')).not.toContain('db-pw-42');
  });

  it('answers /health/ready with 503 "shutting down" after beginShutdown(), while liveness stays 200', async () => {
    readiness.beginShutdown();
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as Record<string, Record<string, unknown>>;
    expect(body.details.lifecycle).toEqual({ status: 'down', reason: 'shutting down' });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });
});

describe('ObservabilityModule with metrics disabled', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({
          service: 'quiet',
          instanceId: 'quiet-1',
          logLevel: 'silent',
          metricsEnabled: false,
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers /metrics with 404', async () => {
    expect((await fetch(`${await app.getUrl()}/metrics`)).status).toBe(404);
  });
});
