import { Client } from 'pg';
import { SmokeEmittedV1 } from '@rampart/contracts';
import { pgConnectionConfig } from '@rampart/database';
import { FIXTURES, NodeProcess, waitFor } from '@rampart/testing';
import { createBusTestKit, type BusTestKit } from './bus-test-kit';

const EVENTS = 300;

describe('durable consumption across a crash', () => {
  let kit: BusTestKit;
  let admin: Client;
  const processes: NodeProcess[] = [];

  beforeAll(async () => {
    kit = await createBusTestKit('effectively_once');
    admin = new Client(
      pgConnectionConfig(kit.db.adminConfig, { applicationName: 'test', assumeRole: false }),
    );
    await admin.connect();
    await admin.query(
      'CREATE TABLE test_effects (message_id text NOT NULL, at timestamptz NOT NULL DEFAULT now())',
    );
    await admin.query('GRANT SELECT, INSERT ON test_effects TO rampart_service');
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await admin.end();
    await kit.close();
  });

  const counts = async () => {
    const { rows } = await admin.query<{ total: string; distinct: string; inbox: string }>(
      `SELECT count(*) AS total, count(DISTINCT message_id) AS distinct,
              (SELECT count(*) FROM bus_inbox WHERE consumer = 'fixture-effects') AS inbox FROM test_effects`,
    );
    return { total: Number(rows[0].total), distinct: Number(rows[0].distinct), inbox: Number(rows[0].inbox) };
  };

  const startConsumer = () => {
    const consumer = new NodeProcess(FIXTURES.effectConsumer, {
      TEST_NAMESPACE: kit.ns.namespace,
      TEST_SCHEMA: kit.db.config.schema,
      HANDLE_DELAY_MS: '10',
      CONCURRENCY: '4',
    });
    processes.push(consumer);
    return consumer;
  };

  it('applies every event exactly once when the consuming process is SIGKILLed mid-batch and restarted', async () => {
    const published = new Set<string>();
    for (let i = 0; i < EVENTS; i += 1) {
      const result = await kit.publisher.publish(SmokeEmittedV1, {
        message: `event-${i}`,
        originService: 'test',
      });
      published.add(result.id);
    }
    expect(published.size).toBe(EVENTS);

    const first = startConsumer();
    await waitFor('the first consumer to apply some events', async () => (await counts()).total >= 60, {
      timeoutMs: 30_000,
    });
    first.signal('SIGKILL');
    await first.exited;
    const atKill = await counts();
    // Killed mid-batch: work was left, and in-flight messages were committed but never acknowledged.
    expect(atKill.total).toBeLessThan(EVENTS);

    startConsumer();
    await waitFor(
      'the restarted consumer to apply the rest',
      async () => (await counts()).distinct === EVENTS,
      {
        timeoutMs: 60_000,
      },
    );
    // Redeliveries of committed-but-unacked events must not apply twice: wait until all are acknowledged.
    await waitFor(
      'every delivery to be acknowledged',
      async () => {
        const info = await kit.connection.jsm.consumers.info(
          kit.naming.stream(SmokeEmittedV1.stream),
          'fixture-effects',
        );
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      { timeoutMs: 30_000 },
    );
    const final = await counts();
    expect(final).toEqual({ total: EVENTS, distinct: EVENTS, inbox: EVENTS });
    const { rows } = await admin.query<{ message_id: string }>('SELECT message_id FROM test_effects');
    expect(new Set(rows.map((r) => r.message_id))).toEqual(published);
  }, 120_000);
});
