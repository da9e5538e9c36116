import { SpanKind } from '@opentelemetry/api';
import { createLogger } from '../logging/create-logger';
import { currentTraceIds, extractTraceContext, injectTraceContext, withSpan } from './trace-propagation';
import { startTracing } from './tracing';

// No tracer provider here: what remains is the propagation that startTracing installs when export is off.
describe('trace propagation with the SDK off', () => {
  const incoming = {
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    tracestate: 'vendor=opaque',
  };

  let handle: ReturnType<typeof startTracing>;
  const saved = { ...process.env };

  beforeAll(() => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
    delete process.env.OTEL_TRACES_EXPORTER;
    handle = startTracing({ service: 'guard', instanceId: 'guard-1' });
  });
  afterAll(async () => {
    await handle.shutdown();
    process.env = saved;
  });

  it('reports the SDK as off', () => {
    expect(handle.enabled).toBe(false);
  });

  it('passes the incoming trace id on unchanged to outgoing messages', async () => {
    const outgoing: Record<string, string> = {};
    await withSpan('handle', { kind: SpanKind.CONSUMER, parent: extractTraceContext(incoming) }, async () => {
      injectTraceContext(outgoing);
    });
    expect(outgoing.traceparent).toBe(incoming.traceparent);
    expect(outgoing.tracestate).toBe('vendor=opaque');
  });

  it('logs the incoming trace id', async () => {
    const raw: string[] = [];
    const logger = createLogger({
      service: 's',
      level: 'info',
      instanceId: 'i',
      destination: { write: (line: string) => void raw.push(line) },
    });
    await withSpan('handle', { kind: SpanKind.CONSUMER, parent: extractTraceContext(incoming) }, async () => {
      expect(currentTraceIds().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      logger.info('handled');
    });
    expect(JSON.parse(raw[0])).toMatchObject({ trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' });
  });

  it('still runs fn and rethrows its error', async () => {
    await expect(
      withSpan('x', { kind: SpanKind.INTERNAL }, async () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
  });

  it('returns the same handle when called twice', () => {
    expect(startTracing({ service: 'guard', instanceId: 'guard-1' })).toBe(handle);
  });
});
