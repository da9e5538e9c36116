import { headers as natsHeaders } from '@nats-io/transport-node';
import { ConsumerRunner, type EventHandlerSpec } from '@rampart/bus';
import { ContractError, envelopeToHeaders, HEADER, SmokeEmittedV1 } from '@rampart/contracts';
import { readStream, waitFor } from '@rampart/testing';
import { createBusTestKit, type BusTestKit } from './bus-test-kit';

describe('dead-letter stream', () => {
  let kit: BusTestKit;
  const runners: ConsumerRunner[] = [];

  beforeAll(async () => {
    kit = await createBusTestKit('dead_letter');
  });

  afterAll(async () => {
    await Promise.allSettled(
      runners.map((r) => Promise.race([r.stop(), new Promise((res) => setTimeout(res, 500))])),
    );
    await kit.close();
  });

  const start = async (
    durable: string,
    handle: EventHandlerSpec<typeof SmokeEmittedV1>['handle'],
    maxDeliver = 3,
  ) => {
    const runner = new ConsumerRunner(
      kit.runnerDeps({ maxDeliver, ackWaitMs: 1_000, retryBaseMs: 20, retryMaxMs: 100 }),
      // Only what each test publishes after its consumer exists.
      { event: SmokeEmittedV1, durable, concurrency: 2, deliverPolicy: 'new', handle },
    );
    await runner.start();
    runners.push(runner);
    return runner;
  };

  const deadLetters = async (durable: string) =>
    (await readStream(kit.connection.jsm, kit.naming.stream('DEADLETTER'))).filter(
      (m) => m.subject === kit.naming.deadLetterSubject('test', durable),
    );

  it('parks a message that keeps failing after its maximum deliveries, with the error and the original payload', async () => {
    let attempts = 0;
    await start('always-fails', async () => {
      attempts += 1;
      throw new Error('downstream said no to password=hunter2');
    });
    const sent = await kit.publisher.publish(SmokeEmittedV1, { message: 'doomed', originService: 'test' });

    const [letter] = await waitFor('a dead letter', async () => {
      const letters = await deadLetters('always-fails');
      return letters.length > 0 ? letters : undefined;
    });
    expect(attempts).toBe(3);
    expect(letter.header?.get(HEADER.deadLetterError)).toMatch(/downstream said no/);
    expect(letter.header?.get(HEADER.deadLetterError)).not.toMatch(/hunter2/);
    expect(letter.header?.get(HEADER.deadLetterDeliveries)).toBe('3');
    expect(letter.header?.get('rampart-dlq-reason')).toBe('max_deliveries');
    expect(letter.header?.get(HEADER.deadLetterSubject)).toBe(kit.naming.subject(SmokeEmittedV1.type));
    expect(letter.header?.get(HEADER.id)).toBe(sent.id);
    expect(JSON.parse(new TextDecoder().decode(letter.data))).toMatchObject({ message: 'doomed' });
  });

  it('parks a payload that does not match its schema at once, without retrying', async () => {
    let handled = 0;
    await start('poison', async () => {
      handled += 1;
    });
    const envelope = {
      id: '01a2075c-0000-7000-8000-000000000001',
      source: 'rampart/test',
      type: SmokeEmittedV1.type,
      specversion: '1.0' as const,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: 'c-1',
    };
    const headers = natsHeaders();
    for (const [k, v] of Object.entries(envelopeToHeaders(envelope))) headers.set(k, v);
    await kit.connection.js.publish(
      kit.naming.subject(SmokeEmittedV1.type),
      '{"message": 42, "origin_service": ',
      {
        headers,
        msgID: envelope.id,
      },
    );

    const [letter] = await waitFor('a dead letter', async () => {
      const letters = await deadLetters('poison');
      return letters.length > 0 ? letters : undefined;
    });
    expect(letter.header?.get('rampart-dlq-reason')).toBe('invalid_payload');
    expect(letter.header?.get(HEADER.deadLetterDeliveries)).toBe('1');
    expect(handled).toBe(0);
  });

  it('parks at once an event whose handler fails with a non-retryable error', async () => {
    let attempts = 0;
    await start('not-retryable', async () => {
      attempts += 1;
      throw new ContractError('CONTRACT_PAYLOAD_INVALID', 'origin service unknown');
    });
    await kit.publisher.publish(SmokeEmittedV1, { message: 'bad', originService: 'nobody' });
    const [letter] = await waitFor('a dead letter', async () => {
      const letters = await deadLetters('not-retryable');
      return letters.length > 0 ? letters : undefined;
    });
    expect(letter.header?.get('rampart-dlq-reason')).toBe('not_retryable');
    expect(attempts).toBe(1);
  });

  it('retries a failing event and applies it once when it finally succeeds', async () => {
    let attempts = 0;
    await start(
      'flaky',
      async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('transient');
      },
      5,
    );
    const sent = await kit.publisher.publish(SmokeEmittedV1, {
      message: 'eventually',
      originService: 'test',
    });
    await waitFor('the event to be applied', async () => {
      const row = await kit.db.prisma().prisma.inboxMessage.findUnique({
        where: { consumer_messageId: { consumer: 'test-flaky', messageId: sent.id } },
      });
      return row !== null;
    });
    expect(attempts).toBe(3);
    await expect(deadLetters('flaky')).resolves.toHaveLength(0);
  });

  it('parks a message whose handler never finishes once JetStream gives up redelivering it', async () => {
    await start('hangs', () => new Promise<void>(() => undefined), 2);
    await kit.publisher.publish(SmokeEmittedV1, { message: 'stuck', originService: 'test' });
    const [letter] = await waitFor(
      'a dead letter from the max-deliveries advisory',
      async () => {
        const letters = await deadLetters('hangs');
        return letters.length > 0 ? letters : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(letter.header?.get('rampart-dlq-reason')).toBe('ack_timeouts');
    expect(letter.header?.get(HEADER.deadLetterError)).toMatch(/Not acknowledged after 2 deliveries/);
  });
});
