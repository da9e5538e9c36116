import { type AuditLog, type AuditEntryInput, type StoredAuditEntry } from '@rampart/audit';
import { currentContext, newCorrelationId } from '@rampart/observability';

export type AuditRecordInput = Omit<AuditEntryInput, 'correlationId' | 'causationId'> &
  Partial<Pick<AuditEntryInput, 'correlationId' | 'causationId'>>;

/**
 * Appends to the shared audit log on behalf of this service, taking the correlation and causation ids
 * from the request or message being handled. Inside a handler's transaction the entry commits with it.
 */
export class AuditService {
  constructor(private readonly log: AuditLog) {}

  record(entry: AuditRecordInput): Promise<StoredAuditEntry> {
    const context = currentContext();
    return this.log.append({
      ...entry,
      correlationId: entry.correlationId ?? context?.correlationId ?? newCorrelationId(),
      causationId: entry.causationId ?? context?.messageId ?? context?.causationId ?? null,
    });
  }
}
