import { join } from 'node:path';

/** Built fixture programs (libs/testing/dist/processes), run as real processes by integration tests. */
export const FIXTURES = {
  effectConsumer: join(__dirname, '..', 'dist', 'processes', 'effect-consumer.process.js'),
  outboxCrash: join(__dirname, '..', 'dist', 'processes', 'outbox-crash.process.js'),
};
