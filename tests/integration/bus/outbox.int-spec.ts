import {
  EnvelopeFactory,
  EventPublisher,
  NatsConnectionHandle,
  OutboxRelay,
  OutboxWriter,
  silentLogger,
} from '@rampart/bus';
import { HEADER, SmokeEmittedV1 } from '@rampart/contracts';
import { pgConnectionConfig } from '@rampart/database';
import { FIXTURES, NodeProcess, readStream, waitFor } from '@rampart/testing';
import { Client } from 'pg';
import { createBusTestKit, type BusTestKit } from './bus-test-kit';

describe('transactional outbox', () => {
  let kit: BusTestKit;
  let outbox: OutboxWriter;

  beforeAll(async () => {
    kit = await createBusTestKit('outbox');
    outbox = new OutboxWriter(kit.txHost, kit.naming, new EnvelopeFactory('fixture'), 'fixture');
  });

  afterAll(async () => {
    await kit.close();
  });

  const relay = (overrides: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) =>
    new OutboxRelay({
      txHost: kit.txHost,
      publisher: kit.publisher,
      service: 'fixture',
      schema: kit.db.config.schema,
      pollIntervalMs: 60_000,
      logger: silentLogger,
      ...overrides,
    });
  const stream = () => kit.naming.stream(SmokeEmittedV1.stream);
  const streamIds = async () =>
    (await readStream(kit.connection.jsm, stream())).map((m) => m.header?.get(HEADER.id) ?? '');
  const pendingRows = async () =>
    kit.db.prisma().prisma.outboxMessage.count({ where: { service: 'fixture' } });

  it('publishes events committed by a process that was killed before it could publish them', async () => {
    const writer = new NodeProcess(FIXTURES.outboxCrash, {
      TEST_NAMESPACE: kit.ns.namespace,
      TEST_SCHEMA: kit.db.config.schema,
      EVENT_COUNT: '3',
    });
    const exit = await writer.exited;
    expect(exit.signal).toBe('SIGKILL');
    const committed = /committed (.+)/.exec(writer.output())?.[1]?.split(',') ?? [];
    expect(committed).toHaveLength(3);
    await expect(streamIds()).resolves.toEqual([]);

    await relay().drainOnce();

    await expect(streamIds()).resolves.toEqual(committed);
    await expect(pendingRows()).resolves.toBe(0);
  });

  it('publishes nothing for a transaction that rolled back', async () => {
    const before = await streamIds();
    await expect(
      kit.txHost.run(async () => {
        await outbox.enqueue(SmokeEmittedV1, { message: 'never', originService: 'fixture' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');

    await relay().drainOnce();

    await expect(pendingRows()).resolves.toBe(0);
    await expect(streamIds()).resolves.toEqual(before);
  });

  it('stores an event once when the relay publishes it again after a crash before deleting the row', async () => {
    const envelope = await outbox.enqueue(SmokeEmittedV1, { message: 'twice', originService: 'fixture' });
    const row = await kit.db.prisma().prisma.outboxMessage.findUniqueOrThrow({ where: { id: envelope.id } });
    // The crashed relay got this far: published, but the row was never deleted.
    await kit.publisher.publishEncoded(row.subject, row.headers as Record<string, string>, row.payload);

    await relay().drainOnce();

    const ids = await streamIds();
    expect(ids.filter((id) => id === envelope.id)).toHaveLength(1);
    await expect(pendingRows()).resolves.toBe(0);
  });

  it('keeps rows and records the error while JetStream refuses them, then publishes them in order', async () => {
    // A real failure: the relay's NATS connection is gone.
    const lost = await NatsConnectionHandle.open(kit.config, silentLogger);
    await lost.close();
    const failing = new EventPublisher(lost.js, kit.naming, new EnvelopeFactory('fixture'));
    const first = await outbox.enqueue(SmokeEmittedV1, { message: 'first', originService: 'fixture' });
    const second = await outbox.enqueue(SmokeEmittedV1, { message: 'second', originService: 'fixture' });

    await expect(relay({ publisher: failing }).drainOnce()).resolves.toBe(0);
    const kept = await kit.db.prisma().prisma.outboxMessage.findUniqueOrThrow({ where: { id: first.id } });
    expect(kept.attempts).toBe(1);
    expect(kept.lastError).toMatch(/closed/i);
    expect(kept.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    await kit.db.prisma().prisma.outboxMessage.updateMany({ data: { nextAttemptAt: new Date(0) } });
    await relay().drainOnce();
    const ids = await streamIds();
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    await expect(pendingRows()).resolves.toBe(0);
  });

  it('wakes on commit through NOTIFY without waiting for its poll', async () => {
    const listening = relay({
      pollIntervalMs: 60_000,
      listenClient: () =>
        new Client(pgConnectionConfig(kit.db.config, { applicationName: 'test-relay', assumeRole: true })),
    });
    await listening.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const envelope = await outbox.enqueue(SmokeEmittedV1, { message: 'notify', originService: 'fixture' });
      await waitFor(
        'the relay to publish after NOTIFY',
        async () => (await streamIds()).includes(envelope.id),
        {
          timeoutMs: 5_000,
        },
      );
    } finally {
      await listening.stop();
    }
  });
});
