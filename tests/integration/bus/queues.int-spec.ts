import { QueueEvents } from 'bullmq';
import { JobDeferredError, JobWorkerRunner, QueueFactory, silentLogger, type JobHandler } from '@rampart/bus';
import { ContractError, SMOKE_QUEUES } from '@rampart/contracts';
import { runWithContext } from '@rampart/observability';
import { infraUrls, waitFor } from '@rampart/testing';
import { createBusTestKit, type BusTestKit } from './bus-test-kit';

const queue = SMOKE_QUEUES.guardrail;

describe('typed BullMQ queues and workers', () => {
  let kit: BusTestKit;
  let queues: QueueFactory;
  const workers: JobWorkerRunner[] = [];

  beforeAll(async () => {
    kit = await createBusTestKit('queues');
    const redis = QueueFactory.connect(infraUrls().redisUrl);
    await redis.connect();
    queues = new QueueFactory(redis, kit.naming, 'test');
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await queues.close();
    queues.connection.disconnect();
    await kit.close();
  });

  const startWorker = (handler: JobHandler<typeof queue>) => {
    const worker = new JobWorkerRunner(
      { connection: queues.connection, prefix: queues.prefix, logger: silentLogger, txHost: kit.txHost },
      queue,
      handler,
      { concurrency: 2 },
    );
    worker.start();
    workers.push(worker);
    return worker;
  };

  it('delivers the typed payload with the correlation it was enqueued in', async () => {
    const received: { eventId: string; correlation: string; attempt: number }[] = [];
    const worker = startWorker(async (message, context) => {
      received.push({
        eventId: message.eventId,
        correlation: context.meta.correlationId,
        attempt: context.attempt,
      });
    });
    await runWithContext({ correlationId: 'corr-job' }, () =>
      queues.enqueue(queue, { eventId: 'e-1', message: 'hello', originService: 'test' }, { jobId: 'job-1' }),
    );
    await waitFor('the job to be processed', () => received.length === 1);
    expect(received[0]).toEqual({ eventId: 'e-1', correlation: 'corr-job', attempt: 1 });
    await worker.stop();
  });

  it('puts a deferred job back for later without spending one of its attempts', async () => {
    const runs: { attempt: number; at: number }[] = [];
    const worker = startWorker(async (_message, context) => {
      runs.push({ attempt: context.attempt, at: Date.now() });
      if (runs.length < 3) throw new JobDeferredError(150, 'a guard said not now');
    });
    await queues.enqueue(
      queue,
      { eventId: 'e-defer', message: 'later', originService: 'test' },
      { jobId: 'job-defer' },
    );
    await waitFor('the job to run a third time', () => runs.length === 3, { timeoutMs: 10_000 });
    // Each run is the first attempt: deferral is not failure, so the job keeps all its retries.
    expect(runs.map((r) => r.attempt)).toEqual([1, 1, 1]);
    expect(runs[1].at - runs[0].at).toBeGreaterThanOrEqual(140);
    await waitFor(
      'the job to complete',
      async () => (await queues.queue(queue).getJob('job-defer'))?.finishedOn !== undefined,
    );
    const job = await queues.queue(queue).getJob('job-defer');
    expect(job?.failedReason).toBeFalsy();
    await worker.stop();
  });

  it('adds a job with an id that already exists only once', async () => {
    const first = await queues.enqueue(
      queue,
      { eventId: 'dup', message: 'a', originService: 'test' },
      { jobId: 'same' },
    );
    const second = await queues.enqueue(
      queue,
      { eventId: 'dup', message: 'b', originService: 'test' },
      { jobId: 'same' },
    );
    expect(second).toBe(first);
    const job = await queues.queue(queue).getJob('same');
    expect((job?.data.payload as { message: string }).message).toBe('a');
    await job?.remove();
  });

  it('fails a job that does not match its schema at once, without retries', async () => {
    const events = new QueueEvents(queue.name, {
      connection: queues.connection.duplicate(),
      prefix: queues.prefix,
    });
    await events.waitUntilReady();
    let calls = 0;
    const worker = startWorker(async () => {
      calls += 1;
    });
    const job = await queues
      .queue(queue)
      .add(
        queue.name,
        { payload: { event_id: 7 }, meta: { correlationId: 'c', enqueuedBy: 'x', enqueuedAt: '' } },
        { attempts: 5 },
      );
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(
      /does not match rampart.platform.v1.SmokeJob/,
    );
    const failed = await queues.queue(queue).getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(calls).toBe(0);
    await worker.stop();
    await events.close();
  });

  it('does not retry a job whose handler throws a non-retryable Rampart error', async () => {
    let calls = 0;
    const worker = startWorker(async () => {
      calls += 1;
      throw new ContractError('CONTRACT_PAYLOAD_INVALID', 'origin unknown');
    });
    const id = await queues.enqueue(
      queue,
      { eventId: 'nr', message: 'x', originService: 'test' },
      { jobId: 'non-retryable' },
    );
    await waitFor('the job to fail', async () => (await queues.queue(queue).getJob(id))?.failedReason);
    expect(calls).toBe(1);
    await worker.stop();
  });

  it('skips the effects of a job that already committed when it runs again', async () => {
    let effects = 0;
    const worker = startWorker(async () => {
      effects += 1;
    });
    await queues.enqueue(queue, { eventId: 'once', message: 'x', originService: 'test' }, { jobId: 'rerun' });
    await waitFor('the first run', () => effects === 1);
    // BullMQ may run a job again after a crash that lost its completion; replay that situation.
    const job = await waitFor('the job to be recorded complete', async () => {
      const found = await queues.queue(queue).getJob('rerun');
      return found?.finishedOn ? found : undefined;
    });
    const firstRun = job.processedOn!;
    await job.retry('completed');
    await waitFor('the job to run and complete again', async () => {
      const again = await queues.queue(queue).getJob('rerun');
      return (
        again?.processedOn &&
        again.processedOn > firstRun &&
        again.finishedOn &&
        again.finishedOn >= again.processedOn
      );
    });
    expect(effects).toBe(1);
    await worker.stop();
  });
});
