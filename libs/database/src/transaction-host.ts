import { AsyncLocalStorage } from 'node:async_hooks';
import type { Prisma, PrismaClient } from './generated/prisma/client';

export type Tx = Prisma.TransactionClient;

export interface TransactionOptions {
  /** Longest the transaction may run before Prisma rolls it back. */
  timeoutMs?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

// One store for the process: the bus, the audit log and repositories must all see the same transaction.
const currentTransaction = new AsyncLocalStorage<Tx>();

/**
 * Runs work in one database transaction that everything called underneath joins: a consumer's inbox row,
 * its repositories' writes, its audit entries and its outbox events commit or roll back together.
 */
export class TransactionHost {
  constructor(private readonly prisma: PrismaClient) {}

  /** The current transaction when inside one, otherwise the client (each statement its own transaction). */
  get client(): Tx {
    return currentTransaction.getStore() ?? this.prisma;
  }

  get inTransaction(): boolean {
    return currentTransaction.getStore() !== undefined;
  }

  /** Joins the current transaction, or opens one and commits it when `work` resolves. */
  async run<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const current = currentTransaction.getStore();
    if (current) return work(current);
    return this.prisma.$transaction((tx) => currentTransaction.run(tx, () => work(tx)), {
      timeout: options.timeoutMs ?? 30_000,
      maxWait: 10_000,
      isolationLevel: options.isolationLevel,
    });
  }
}
