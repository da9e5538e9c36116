import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { currentCorrelationId, runWithContext } from '../context/request-context';
import { createLogger } from '../logging/create-logger';
import { currentTraceIds, extractTraceContext, injectTraceContext, withSpan } from './trace-propagation';
import { installPropagation } from './tracing';

describe('trace propagation with a tracer provider', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  beforeAll(() => {
    installPropagation();
    trace.setGlobalTracerProvider(provider);
  });
  afterEach(() => exporter.reset());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  const byName = (name: string): ReadableSpan =>
    exporter.getFinishedSpans().find((span) => span.name === name)!;

  it('makes the consumer span a child of the producer span, in the same trace', async () => {
    const headers: Record<string, string> = {};
    await withSpan('incident.opened publish', { kind: SpanKind.PRODUCER }, async () => {
      injectTraceContext(headers);
    });
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    await withSpan(
      'incident.opened process',
      {
        kind: SpanKind.CONSUMER,
        parent: extractTraceContext(headers),
        attributes: { 'messaging.system': 'nats' },
      },
      async () => undefined,
    );

    const producer = byName('incident.opened publish');
    const consumer = byName('incident.opened process');
    expect(consumer.spanContext().traceId).toBe(producer.spanContext().traceId);
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(consumer.attributes['messaging.system']).toBe('nats');
  });

  it('makes the span current inside fn, so nested spans and log lines belong to it', async () => {
    const raw: string[] = [];
    const logger = createLogger({
      service: 's',
      level: 'info',
      instanceId: 'i',
      destination: { write: (line: string) => void raw.push(line) },
    });
    let ids: { traceId?: string; spanId?: string } = {};
    await withSpan('outer', { kind: SpanKind.INTERNAL }, async () => {
      ids = currentTraceIds();
      logger.info('inside');
      await withSpan('inner', { kind: SpanKind.INTERNAL }, async () => undefined);
    });
    const outer = byName('outer');
    expect(ids).toEqual({ traceId: outer.spanContext().traceId, spanId: outer.spanContext().spanId });
    expect(byName('inner').parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(JSON.parse(raw[0])).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId });
  });

  it('records the exception, sets ERROR status, ends the span and rethrows', async () => {
    const failure = new Error('lost connection to postgresql://u:dbpw@db/x');
    await expect(
      withSpan('failing', { kind: SpanKind.INTERNAL }, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    const span = byName('failing');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toBe('lost connection to postgresql://u:***@db/x');
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
    expect(JSON.stringify(span.events[0].attributes)).not.toContain('dbpw');
    expect(span.ended).toBe(true);
  });

  it('ends the span when fn succeeds and returns its value', async () => {
    await expect(withSpan('ok', { kind: SpanKind.INTERNAL }, async () => 7)).resolves.toBe(7);
    expect(byName('ok').ended).toBe(true);
    expect(byName('ok').status.code).toBe(SpanStatusCode.UNSET);
  });

  it('starts a new trace for a message without trace headers, even inside another span', async () => {
    await withSpan('subscription', { kind: SpanKind.INTERNAL }, async () => {
      await withSpan(
        'orphan',
        { kind: SpanKind.CONSUMER, parent: extractTraceContext({}) },
        async () => undefined,
      );
    });
    expect(byName('orphan').parentSpanContext).toBeUndefined();
    expect(byName('orphan').spanContext().traceId).not.toBe(byName('subscription').spanContext().traceId);
  });

  it('injects nothing when no span is active', () => {
    const headers: Record<string, string> = {};
    context.with(ROOT_CONTEXT, () => injectTraceContext(headers));
    expect(headers).toEqual({});
    expect(currentTraceIds()).toEqual({});
  });

  it('keeps the request context inside withSpan', async () => {
    const seen = await runWithContext({ correlationId: 'c-9' }, () =>
      withSpan('ctx', { kind: SpanKind.INTERNAL }, async () => currentCorrelationId()),
    );
    expect(seen).toBe('c-9');
  });
});
