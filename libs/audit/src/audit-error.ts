import { RampartError, type ErrorStatus, type RampartErrorOptions } from '@rampart/contracts';

export type AuditErrorCode =
  /** The entry cannot be stored so that it re-hashes identically when read back; nothing was written. */
  | 'AUDIT_INVALID_ENTRY'
  /** The AuditLog or verifier was constructed or called with unusable options. */
  | 'AUDIT_INVALID_OPTIONS'
  /** An entry with this id is already in the log (ids given by the caller make appends idempotent). */
  | 'AUDIT_DUPLICATE_ENTRY'
  /** Another writer won the chain head (deadlock, serialization failure, seq collision): retry the append. */
  | 'AUDIT_CHAIN_CONFLICT'
  /** The database refused or failed the append; the transaction it ran in is rolled back. */
  | 'AUDIT_APPEND_FAILED'
  /** The verifier could not read the log (not: the log is tampered, which is a result, not an error). */
  | 'AUDIT_VERIFY_FAILED';

const STATUS: Record<AuditErrorCode, ErrorStatus> = {
  AUDIT_INVALID_ENTRY: 422,
  AUDIT_INVALID_OPTIONS: 500,
  AUDIT_DUPLICATE_ENTRY: 409,
  AUDIT_CHAIN_CONFLICT: 409,
  AUDIT_APPEND_FAILED: 503,
  AUDIT_VERIFY_FAILED: 503,
};

export class AuditError extends RampartError<AuditErrorCode> {
  constructor(code: AuditErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(code, message, STATUS[code], { retryable: code === 'AUDIT_CHAIN_CONFLICT', ...options });
  }
}
