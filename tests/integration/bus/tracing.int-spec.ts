import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ConsumerRunner, JobWorkerRunner, QueueFactory, silentLogger } from '@rampart/bus';
import { SMOKE_QUEUES, SmokeEmittedV1 } from '@rampart/contracts';
import { installPropagation, runWithContext, withSpan } from '@rampart/observability';
import { infraUrls, waitFor } from '@rampart/testing';
import { createBusTestKit, type BusTestKit } from './bus-test-kit';

const queue = SMOKE_QUEUES.alerting;

/** One trace from an HTTP-like root span, through JetStream, a durable consumer, a BullMQ job and its worker. */
describe('trace and correlation propagation across NATS and BullMQ', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let kit: BusTestKit;
  let queues: QueueFactory;
  let runner: ConsumerRunner<typeof SmokeEmittedV1>;
  let worker: JobWorkerRunner<typeof queue>;
  const seenByWorker: { correlationId: string; causationId?: string }[] = [];

  beforeAll(async () => {
    // OpenTelemetry's globals live on globalThis, shared with test files run earlier in this worker.
    trace.disable();
    context.disable();
    propagation.disable();
    installPropagation();
    expect(trace.setGlobalTracerProvider(provider)).toBe(true);
    kit = await createBusTestKit('tracing');
    const redis = QueueFactory.connect(infraUrls().redisUrl);
    await redis.connect();
    queues = new QueueFactory(redis, kit.naming, 'test');
    runner = new ConsumerRunner(kit.runnerDeps({ maxDeliver: 3, ackWaitMs: 5_000 }), {
      event: SmokeEmittedV1,
      durable: 'tracing',
      deliverPolicy: 'new',
      handle: async (message, delivery) => {
        await queues.enqueue(queue, {
          eventId: delivery.envelope.id,
          message: message.message,
          originService: 'test',
        });
      },
    });
    await runner.start();
    worker = new JobWorkerRunner(
      { connection: queues.connection, prefix: queues.prefix, logger: silentLogger },
      queue,
      async (_message, jobContext) => {
        seenByWorker.push({
          correlationId: jobContext.meta.correlationId,
          causationId: jobContext.meta.causationId,
        });
        await withSpan('worker effect', { kind: SpanKind.INTERNAL }, async () => undefined);
      },
    );
    worker.start();
  });

  afterAll(async () => {
    await worker.stop();
    await runner.stop();
    await queues.close();
    queues.connection.disconnect();
    await kit.close();
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('continues the publisher’s trace and correlation in the consumer, the job and the worker', async () => {
    const sent = await runWithContext({ correlationId: 'corr-trace' }, () =>
      withSpan('POST /v1/smoke', { kind: SpanKind.SERVER }, () =>
        kit.publisher.publish(SmokeEmittedV1, { message: 'traced', originService: 'test' }),
      ),
    );
    await waitFor(
      'the worker to run',
      () => exporter.getFinishedSpans().some((s) => s.name === 'worker effect'),
      {
        timeoutMs: 15_000,
      },
    );

    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.find((s) => s.name === name)!;
    const root = named('POST /v1/smoke');
    const publish = named(`${SmokeEmittedV1.type} publish`);
    const consume = named(`${SmokeEmittedV1.type} process`);
    const job = named(`${queue.name} process`);
    const effect = named('worker effect');

    for (const span of [publish, consume, job, effect]) {
      expect(span.spanContext().traceId).toBe(root.spanContext().traceId);
    }
    expect(publish.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
    expect(consume.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
    expect(consume.kind).toBe(SpanKind.CONSUMER);
    expect(job.parentSpanContext?.spanId).toBe(consume.spanContext().spanId);
    expect(effect.parentSpanContext?.spanId).toBe(job.spanContext().spanId);

    expect(seenByWorker).toEqual([{ correlationId: 'corr-trace', causationId: sent.id }]);
  });
});
