import { ConsumerRunner, JobWorkerRunner, QueueFactory, silentLogger } from '@rampart/bus';
import { SMOKE_QUEUES, SmokeEmittedV1 } from '@rampart/contracts';
import { infraUrls, waitFor } from '@rampart/testing';
import { createBusTestKit, type BusTestKit } from './bus-test-kit';

const queue = SMOKE_QUEUES.learning;

/** What SIGTERM relies on: stopping a consumer or a worker lets the work in hand finish first. */
describe('graceful stop of consumers and workers', () => {
  let kit: BusTestKit;
  let queues: QueueFactory;

  beforeAll(async () => {
    kit = await createBusTestKit('graceful_stop');
    const redis = QueueFactory.connect(infraUrls().redisUrl);
    await redis.connect();
    queues = new QueueFactory(redis, kit.naming, 'test');
  });

  afterAll(async () => {
    await queues.close();
    queues.connection.disconnect();
    await kit.close();
  });

  it('finishes and acknowledges the event being handled before a consumer stops', async () => {
    let started = false;
    let finished = false;
    const runner = new ConsumerRunner(kit.runnerDeps({ maxDeliver: 3, ackWaitMs: 10_000 }), {
      event: SmokeEmittedV1,
      durable: 'graceful',
      deliverPolicy: 'new',
      handle: async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 600));
        finished = true;
      },
    });
    await runner.start();
    await kit.publisher.publish(SmokeEmittedV1, { message: 'slow', originService: 'test' });
    await waitFor('the handler to start', () => started);

    await runner.stop();

    expect(finished).toBe(true);
    // Acks are asynchronous: JetStream records this one shortly after the stop returned.
    await waitFor('the ack to be recorded', async () => {
      const info = await kit.connection.jsm.consumers.info(
        kit.naming.stream(SmokeEmittedV1.stream),
        runner.consumerName,
      );
      return info.num_ack_pending === 0 && info.num_pending === 0 && info.num_redelivered === 0;
    });
  });

  it('finishes the job being processed before a worker stops, and records it complete', async () => {
    let started = false;
    const worker = new JobWorkerRunner(
      { connection: queues.connection, prefix: queues.prefix, logger: silentLogger },
      queue,
      async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 600));
      },
    );
    worker.start();
    const id = await queues.enqueue(
      queue,
      { eventId: 'slow', message: 'slow', originService: 'test' },
      { jobId: 'slow-job' },
    );
    await waitFor('the job to start', () => started);

    await worker.stop();

    const job = await queues.queue(queue).getJob(id);
    expect(await job?.getState()).toBe('completed');
  });
});
