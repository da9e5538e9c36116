import {
  type BusNaming,
  type ConsumerRunnerDeps,
  DeadLetterPublisher,
  EnvelopeFactory,
  EventPublisher,
  NatsConnectionHandle,
  silentLogger,
  StreamProvisioner,
} from '@rampart/bus';
import { TransactionHost } from '@rampart/database';
import {
  createTestDatabase,
  createTestNamespace,
  testPlatformConfig,
  type TestDatabase,
  type TestNamespace,
} from '@rampart/testing';
import type { PlatformConfig } from '@rampart/config';

/** Real NATS, Postgres and provisioned streams, isolated for one test file. */
export interface BusTestKit {
  db: TestDatabase;
  ns: TestNamespace;
  config: PlatformConfig;
  connection: NatsConnectionHandle;
  naming: BusNaming;
  txHost: TransactionHost;
  publisher: EventPublisher;
  deadLetters: DeadLetterPublisher;
  /** What a ConsumerRunner needs on this kit, as service `test`; tests override the delivery limits. */
  runnerDeps(
    limits: Pick<ConsumerRunnerDeps, 'maxDeliver' | 'ackWaitMs'> & Partial<ConsumerRunnerDeps>,
  ): ConsumerRunnerDeps;
  close(): Promise<void>;
}

export async function createBusTestKit(label: string): Promise<BusTestKit> {
  const db = await createTestDatabase(label);
  const ns = createTestNamespace(label, db.config.schema);
  const config = testPlatformConfig('test', { namespace: ns.namespace, schema: db.config.schema });
  const connection = await NatsConnectionHandle.open(config, silentLogger);
  const naming = ns.naming;
  await new StreamProvisioner(connection.jsm, naming, 1, silentLogger).ensureAll();
  const txHost = new TransactionHost(db.prisma().prisma);
  const deadLetters = new DeadLetterPublisher(connection.js, naming);
  return {
    db,
    ns,
    config,
    connection,
    naming,
    txHost,
    publisher: new EventPublisher(connection.js, naming, new EnvelopeFactory('test')),
    deadLetters,
    runnerDeps: (limits) => ({
      connection,
      naming,
      service: 'test',
      deadLetters,
      logger: silentLogger,
      txHost,
      ...limits,
    }),
    async close() {
      await connection.close();
      await ns.cleanup();
      await db.drop();
    },
  };
}
