export * from './database-error';
export * from './pg-connection';
export * from './migrator';
export * from './schema-admin';
export * from './prisma-client.factory';
export * from './transaction-host';
export { PrismaClient, Prisma } from './generated/prisma/client';
export type { AuditEntry, AuditChainHead, OutboxMessage, InboxMessage } from './generated/prisma/client';
