import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { OtlpReceiver } from './otlp-receiver';

const ROOT = resolve(__dirname, '../../..');
const FIXTURE = join(__dirname, 'fixtures/traced-service.ts');
/** SPAN_KIND_SERVER in OTLP's enum (the API's SpanKind counts from INTERNAL = 0, OTLP from UNSPECIFIED). */
const OTLP_SERVER = 2;

// The SDK patches modules through Node's own loader and exports with a dynamic import('http'), neither of
// which works inside jest's module sandbox; the service therefore runs as a real process, its TypeScript
// compiled on load by swc with the repository's settings.
const LOADER = `
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const root = ${JSON.stringify(ROOT)};
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcrc, filename, swcrc: false, sourceMaps: false });
  module._compile(code, filename);
};
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = /^@rampart\\/([a-z-]+)$/.exec(request);
  return resolveFilename.call(this, lib ? path.join(root, 'libs', lib[1], 'src', 'index.ts') : request, ...rest);
};
require(${JSON.stringify(FIXTURE)});
`;

interface LogLine {
  msg?: string;
  fixture?: string;
  url?: string;
  [key: string]: unknown;
}

describe('a service with OTEL_EXPORTER_OTLP_TRACES_ENDPOINT set', () => {
  const receiver = new OtlpReceiver();
  const logs: LogLine[] = [];
  let service: ChildProcess;
  let url: string;
  let stderr = '';

  const callerTrace = '5bf92f3577b34da6a3ce929d0e0e4736';
  const callerSpan = '10f067aa0ba902b7';
  let body: Record<string, unknown>;

  beforeAll(async () => {
    const endpoint = await receiver.start();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      FIXTURE_DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
      FIXTURE_REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    };
    delete env.OTEL_SDK_DISABLED;
    delete env.OTEL_TRACES_EXPORTER;
    service = spawn(process.execPath, ['-e', LOADER], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    service.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const listening = new Promise<string>((resolveUrl, reject) => {
      service.once('exit', (code) => reject(new Error(`service exited with ${code}: ${stderr}`)));
      createInterface({ input: service.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as LogLine;
        logs.push(entry);
        if (entry.fixture === 'listening') resolveUrl(entry.url!);
      });
    });
    url = await listening;

    const response = await fetch(`${url}/alerts/77`, {
      headers: { traceparent: `00-${callerTrace}-${callerSpan}-01`, 'x-correlation-id': 'otel-check' },
    });
    body = (await response.json()) as Record<string, unknown>;
    await fetch(`${url}/health/live`);
    await fetch(`${url}/metrics`);

    // Stopping the service flushes the spans it still holds.
    const exited = once(service, 'exit');
    service.kill('SIGTERM');
    await exited;
  }, 30_000);

  afterAll(async () => {
    if (service.exitCode === null) service.kill('SIGKILL');
    await receiver.stop();
  });

  it('serves the request inside the caller trace', () => {
    expect(body).toMatchObject({ id: '77', traceId: callerTrace });
  });

  it('exports one server span for the request, made by the http instrumentation and named by its route', () => {
    const servers = receiver.spans.filter((span) => span.kind === OTLP_SERVER);
    expect(servers).toHaveLength(1);
    const [server] = servers;
    expect(server).toMatchObject({
      name: 'GET /alerts/:id',
      traceId: callerTrace,
      parentSpanId: callerSpan,
      scope: '@opentelemetry/instrumentation-http',
    });
    expect(server.attributes).toMatchObject({
      'http.route': '/alerts/:id',
      'http.response.status_code': 200,
    });
    expect(server.resource).toMatchObject({
      'service.name': 'alerting',
      'service.instance.id': 'alerting-3',
      'service.version': '1.2.3',
      'service.namespace': 'rampart',
    });
  });

  it('exports the Postgres query as a child span of the request', () => {
    const server = receiver.span('GET /alerts/:id')!;
    const query = receiver.spans.find(
      (span) => span.scope === '@opentelemetry/instrumentation-pg' && span.name !== 'pg.connect',
    );
    expect(query).toMatchObject({ traceId: callerTrace, parentSpanId: server.spanId });
  });

  it('exports the Redis command as a child span of the request', () => {
    const server = receiver.span('GET /alerts/:id')!;
    const ping = receiver.spans.find(
      (span) => span.scope === '@opentelemetry/instrumentation-ioredis' && span.name === 'ping',
    );
    expect(ping).toMatchObject({ traceId: callerTrace, parentSpanId: server.spanId });
  });

  it('links the consumer span to the producer span through the injected headers', () => {
    const producer = receiver.span('alert.raised publish')!;
    const consumer = receiver.span('alert.raised process')!;
    expect(producer.traceId).toBe(callerTrace);
    expect(consumer.traceId).toBe(callerTrace);
    expect(consumer.parentSpanId).toBe(producer.spanId);
  });

  it('exports no spans for probes and scrapes', () => {
    const names = receiver.spans.map((span) => span.name);
    expect(names.filter((name) => /health|metrics/.test(name))).toEqual([]);
  });

  it('logs with the ids of the exported spans', () => {
    const consumer = receiver.span('alert.raised process')!;
    const server = receiver.span('GET /alerts/:id')!;
    expect(logs.find((line) => line.msg === 'alert handled')).toMatchObject({
      correlation_id: 'otel-check',
      trace_id: callerTrace,
      span_id: consumer.spanId,
    });
    expect(
      logs.find((line) => line.msg === 'http request' && line.correlation_id === 'otel-check'),
    ).toMatchObject({
      route: '/alerts/:id',
      trace_id: callerTrace,
      span_id: server.spanId,
    });
  });
});
