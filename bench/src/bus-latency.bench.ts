// JetStream publish → consume latency and throughput through Rampart's bus, against raw core NATS
// request-reply on the same machine and in the same run (the baseline).
//
//   npm run build && node bench/dist/bus-latency.bench.js [--messages 2000] [--throughput 10000] [--concurrency 32]
//
// Paths measured:
//   core request-reply   nc.request → a subscriber that answers (no persistence): the floor.
//   jetstream            EventPublisher.publish (waits for the stream's ack) → durable ConsumerRunner,
//                        decode + validate + handler, no database.
//   jetstream + inbox    the same with the consumer's inbox row in a Postgres transaction (effectively once).
//   outbox → consumer    commit of an outbox row → NOTIFY → relay publishes → consumer (inbox) handles it.
// Latency is measured one message at a time (the next is sent after the previous was handled), so it
// excludes queueing; throughput keeps `concurrency` publishes in flight.
import { Client } from 'pg';
import { SpanKind } from '@opentelemetry/api';
import {
  BusNaming,
  ConsumerRunner,
  DeadLetterPublisher,
  EnvelopeFactory,
  EventPublisher,
  NatsConnectionHandle,
  OutboxRelay,
  OutboxWriter,
  silentLogger,
  StreamProvisioner,
} from '@rampart/bus';
import { SmokeEmittedV1 } from '@rampart/contracts';
import { pgConnectionConfig, TransactionHost } from '@rampart/database';
import { withSpan } from '@rampart/observability';
import { createTestDatabase, createTestNamespace, testPlatformConfig } from '@rampart/testing';
import {
  intOption,
  LatencyRecorder,
  machineDescription,
  markdownTable,
  runConcurrently,
} from './lib/bench-stats';

const argv = process.argv.slice(2);
const MESSAGES = intOption(argv, 'messages', 'BENCH_MESSAGES', 2000);
const THROUGHPUT = intOption(argv, 'throughput', 'BENCH_THROUGHPUT', 10000);
const CONCURRENCY = intOption(argv, 'concurrency', 'BENCH_CONCURRENCY', 32);

interface Result {
  path: string;
  latency: LatencyRecorder;
  throughput: number;
}

/** Resolves when the consumer has handled the event with this message text. */
class Arrivals {
  private readonly waiting = new Map<string, () => void>();
  expect(key: string): Promise<void> {
    return new Promise((resolve) => this.waiting.set(key, resolve));
  }
  arrived(key: string): void {
    this.waiting.get(key)?.();
    this.waiting.delete(key);
  }
}

async function main(): Promise<void> {
  const db = await createTestDatabase('bench_bus');
  const ns = createTestNamespace('bench_bus', db.config.schema);
  const config = testPlatformConfig('bench', { namespace: ns.namespace, schema: db.config.schema });
  const connection = await NatsConnectionHandle.open(config, silentLogger);
  const naming = new BusNaming(config.namespace);
  await new StreamProvisioner(connection.jsm, naming, 1, silentLogger).ensureAll();
  const txHost = new TransactionHost(db.prisma().prisma);
  const envelopes = new EnvelopeFactory('bench');
  const publisher = new EventPublisher(connection.js, naming, envelopes);
  const arrivals = new Arrivals();
  const runners: ConsumerRunner[] = [];
  const relays: OutboxRelay[] = [];

  const startConsumer = async (durable: string, idempotent: boolean) => {
    const runner = new ConsumerRunner(
      {
        connection,
        naming,
        service: 'bench',
        deadLetters: new DeadLetterPublisher(connection.js, naming),
        logger: silentLogger,
        txHost,
        maxDeliver: 5,
        ackWaitMs: 30_000,
      },
      {
        event: SmokeEmittedV1,
        durable,
        idempotent,
        deliverPolicy: 'new',
        concurrency: 16,
        handle: async (message) => arrivals.arrived(`${durable}:${message.message}`),
      },
    );
    await runner.start();
    runners.push(runner);
  };

  const results: Result[] = [];
  try {
    // Baseline: core NATS request-reply.
    const subject = naming.subject('bench.echo.v1');
    const echo = connection.nc.subscribe(subject, {
      callback: (_e, msg) => {
        msg.respond(msg.data);
      },
    });
    const core = new LatencyRecorder();
    for (let i = 0; i < MESSAGES; i += 1)
      await core.time(() => connection.nc.request(subject, `m${i}`, { timeout: 5_000 }));
    const coreSeconds = await runConcurrently(THROUGHPUT, CONCURRENCY, (i) =>
      connection.nc.request(subject, `t${i}`, { timeout: 5_000 }),
    );
    echo.unsubscribe();
    results.push({
      path: 'core request-reply (baseline)',
      latency: core,
      throughput: THROUGHPUT / coreSeconds,
    });

    for (const [durable, idempotent, label] of [
      ['bench-plain', false, 'jetstream publish → consume'],
      ['bench-inbox', true, 'jetstream + inbox transaction'],
    ] as const) {
      await startConsumer(durable, idempotent);
      const latency = new LatencyRecorder();
      for (let i = 0; i < MESSAGES; i += 1) {
        const key = `${durable}:l${i}`;
        const arrived = arrivals.expect(key);
        await latency.time(async () => {
          await publisher.publish(SmokeEmittedV1, { message: `l${i}`, originService: 'bench' });
          await arrived;
        });
      }
      const all = Array.from({ length: THROUGHPUT }, (_, i) => arrivals.expect(`${durable}:t${i}`));
      const started = process.hrtime.bigint();
      await runConcurrently(THROUGHPUT, CONCURRENCY, (i) =>
        publisher.publish(SmokeEmittedV1, { message: `t${i}`, originService: 'bench' }),
      );
      await Promise.all(all);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      results.push({ path: label, latency, throughput: THROUGHPUT / seconds });
      await runners.pop()!.stop();
    }

    // Commit → consumed, through the transactional outbox and its NOTIFY-driven relay.
    await startConsumer('bench-outbox', true);
    const outbox = new OutboxWriter(txHost, naming, envelopes, 'bench');
    const relay = new OutboxRelay({
      txHost,
      publisher,
      service: 'bench',
      schema: db.config.schema,
      pollIntervalMs: 1_000,
      logger: silentLogger,
      listenClient: () =>
        new Client(pgConnectionConfig(db.config, { applicationName: 'bench-relay', assumeRole: true })),
    });
    await relay.start();
    relays.push(relay);
    const viaOutbox = new LatencyRecorder();
    for (let i = 0; i < Math.min(MESSAGES, 1000); i += 1) {
      const arrived = arrivals.expect(`bench-outbox:o${i}`);
      await viaOutbox.time(async () => {
        await withSpan('bench', { kind: SpanKind.INTERNAL }, () =>
          txHost.run(() => outbox.enqueue(SmokeEmittedV1, { message: `o${i}`, originService: 'bench' })),
        );
        await arrived;
      });
    }
    results.push({ path: 'outbox commit → consumer (inbox)', latency: viaOutbox, throughput: NaN });
  } finally {
    await Promise.allSettled(relays.map((r) => r.stop()));
    await Promise.allSettled(runners.map((r) => r.stop()));
    await connection.close();
    await ns.cleanup();
    await db.drop();
  }

  const base = results[0].latency.percentile(50);
  const rows = results.map((r) => [
    r.path,
    r.latency.count,
    r.latency.percentile(50).toFixed(3),
    r.latency.percentile(99).toFixed(3),
    Number.isNaN(r.throughput) ? '—' : Math.round(r.throughput).toString(),
    `${(r.latency.percentile(50) / base).toFixed(1)}×`,
  ]);
  process.stdout.write(
    `\nBus latency and throughput — ${machineDescription()}, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  process.stdout.write(
    `latency: ${MESSAGES} messages one at a time; throughput: ${THROUGHPUT} messages, ${CONCURRENCY} in flight\n\n`,
  );
  process.stdout.write(
    `${markdownTable(['path', 'n', 'p50 ms', 'p99 ms', 'throughput msg/s', 'p50 vs core'], rows)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
