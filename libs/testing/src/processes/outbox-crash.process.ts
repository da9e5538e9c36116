/**
 * Test fixture: commits events to the outbox in one transaction, then dies by SIGKILL before any relay could
 * publish them — the crash between commit and publish that the outbox exists for.
 */
import { BusNaming, EnvelopeFactory, OutboxWriter } from '@rampart/bus';
import { SmokeEmittedV1 } from '@rampart/contracts';
import { createPrismaClient, TransactionHost } from '@rampart/database';
import { fixtureConfig, numberFromEnv } from './fixture-env';

async function main(): Promise<void> {
  const config = fixtureConfig('fixture');
  const { prisma } = createPrismaClient(config.database, 'outbox-crash');
  const txHost = new TransactionHost(prisma);
  const outbox = new OutboxWriter(
    txHost,
    new BusNaming(config.namespace),
    new EnvelopeFactory('fixture'),
    'fixture',
  );
  const count = numberFromEnv('EVENT_COUNT', 3);
  const ids = await txHost.run(async () => {
    const written: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const envelope = await outbox.enqueue(SmokeEmittedV1, {
        message: `crash-${i}`,
        originService: 'fixture',
      });
      written.push(envelope.id);
    }
    return written;
  });
  process.stdout.write(`committed ${ids.join(',')}\n`);
  process.kill(process.pid, 'SIGKILL');
}

main().catch((error: unknown) => {
  process.stderr.write(`outbox fixture failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
