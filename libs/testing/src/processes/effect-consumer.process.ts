/**
 * Test fixture: a durable consumer whose effect is one row per handled event in `test_effects` (which has no
 * unique constraint, so a duplicate effect would show). Used to prove effectively-once consumption across
 * SIGKILL and restart.
 */
import {
  BusNaming,
  ConsumerRunner,
  DeadLetterPublisher,
  NatsConnectionHandle,
  silentLogger,
} from '@rampart/bus';
import { SmokeEmittedV1 } from '@rampart/contracts';
import { createPrismaClient, TransactionHost } from '@rampart/database';
import { fixtureConfig, numberFromEnv } from './fixture-env';

async function main(): Promise<void> {
  const config = fixtureConfig('fixture');
  const delayMs = numberFromEnv('HANDLE_DELAY_MS', 5);
  const { prisma } = createPrismaClient(config.database, 'effect-consumer');
  const txHost = new TransactionHost(prisma);
  const connection = await NatsConnectionHandle.open(config, silentLogger);
  const naming = new BusNaming(config.namespace);
  const runner = new ConsumerRunner(
    {
      connection,
      naming,
      service: 'fixture',
      deadLetters: new DeadLetterPublisher(connection.js, naming),
      logger: silentLogger,
      txHost,
      maxDeliver: 20,
      ackWaitMs: 5_000,
      retryBaseMs: 50,
    },
    {
      event: SmokeEmittedV1,
      durable: process.env.CONSUMER_DURABLE ?? 'effects',
      concurrency: numberFromEnv('CONCURRENCY', 4),
      handle: async (_message, delivery) => {
        await txHost.client
          .$executeRaw`INSERT INTO test_effects (message_id) VALUES (${delivery.envelope.id})`;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      },
    },
  );
  await runner.start();
  process.stdout.write('consumer ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`effect consumer failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
