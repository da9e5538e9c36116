import { AuditError } from './audit-error';

interface ErrorFacts {
  /** SQLSTATE, when the database answered. */
  code?: string;
  /** The violated constraint or index, for unique violations. */
  constraint?: string;
}

// Prisma's own codes (P1xxx–P6xxx) look like SQLSTATEs; the only real SQLSTATE class starting with P is P0.
const SQLSTATE = /^(?!P[1-9])[0-9A-Z]{5}$/;

/**
 * The SQLSTATE behind an error from pg or from Prisma's pg adapter, which wraps it as
 * `meta.driverAdapterError.cause.originalCode` (raw queries: P2010) or reports write conflicts as P2034.
 */
export function postgresErrorFacts(error: unknown, depth = 0): ErrorFacts {
  if (typeof error !== 'object' || error === null || depth > 5) return {};
  const e = error as {
    code?: unknown;
    constraint?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; constraint?: { index?: unknown } } } };
    cause?: unknown;
  };
  const adapter = e.meta?.driverAdapterError?.cause;
  if (typeof adapter?.originalCode === 'string') {
    const index = adapter.constraint?.index;
    return { code: adapter.originalCode, constraint: typeof index === 'string' ? index : undefined };
  }
  if (e.code === 'P2034') return { code: '40001' };
  if (typeof e.code === 'string' && SQLSTATE.test(e.code)) {
    return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
  }
  return postgresErrorFacts(e.cause, depth + 1);
}

/** Turns a failed append into an AuditError a caller can branch on; AuditErrors pass through. */
export function appendFailure(error: unknown, chains: readonly string[]): AuditError {
  if (error instanceof AuditError) return error;
  const { code, constraint } = postgresErrorFacts(error);
  const where = chains.join(', ');
  if (code === '23505' && constraint === 'audit_log_pkey') {
    return new AuditError('AUDIT_DUPLICATE_ENTRY', 'An audit entry with this id is already in the log', {
      cause: error,
    });
  }
  if (code === '23505' || code === '40001' || code === '40P01') {
    // Two writers reached the same seq (only possible if a head was bypassed), or the transaction lost a
    // serialization or deadlock race: the chain itself is intact, and trying again succeeds.
    return new AuditError(
      'AUDIT_CHAIN_CONFLICT',
      `Concurrent append to audit chain ${where} (Postgres ${code})`,
      {
        cause: error,
      },
    );
  }
  const transient = code !== undefined && /^(08|53|57P0)/.test(code);
  return new AuditError(
    'AUDIT_APPEND_FAILED',
    `Appending to audit chain ${where} failed${code ? ` (Postgres ${code})` : ''}`,
    { cause: error, retryable: transient },
  );
}
