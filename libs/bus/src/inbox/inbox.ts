import type { Tx } from '@rampart/database';

/**
 * Records, in the transaction of a consumer's effect, that the consumer has processed a message. A message
 * delivered again (after a crash between commit and ack, or a redelivery) finds its row and is skipped,
 * so effects happen once even though JetStream delivers at least once.
 */
export async function claimInbox(
  tx: Tx,
  consumer: string,
  messageId: string,
  subject: string,
): Promise<boolean> {
  // Concurrent deliveries of one id block on the primary key until the first commits, then do nothing.
  const inserted = await tx.$executeRaw`
    INSERT INTO bus_inbox (consumer, message_id, subject) VALUES (${consumer}, ${messageId}, ${subject})
    ON CONFLICT (consumer, message_id) DO NOTHING`;
  return inserted === 1;
}

/**
 * `claimInbox` for many messages in one statement, for consumers that handle a batch in one transaction;
 * returns the ids seen for the first time (a repeated id in the batch counts once).
 */
export async function claimInboxMany(
  tx: Tx,
  consumer: string,
  messageIds: readonly string[],
  subject: string,
): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ message_id: string }[]>`
    INSERT INTO bus_inbox (consumer, message_id, subject)
    SELECT ${consumer}, id, ${subject} FROM unnest(${[...messageIds]}::text[]) AS id
    ON CONFLICT (consumer, message_id) DO NOTHING
    RETURNING message_id`;
  return new Set(rows.map((row) => row.message_id));
}

/**
 * Forgets processed ids older than any message the streams can still redeliver (their max age plus a
 * margin), so the inbox does not grow forever.
 */
export async function pruneInbox(tx: Tx, olderThan: Date): Promise<number> {
  return tx.$executeRaw`DELETE FROM bus_inbox WHERE processed_at < ${olderThan}`;
}
