import { AuditError } from './audit-error';
import { appendFailure, postgresErrorFacts } from './postgres-error';

/** The shape Prisma 7's pg adapter gives a failed raw query (P2010), as observed against Postgres 15. */
function prismaRawError(originalCode: string, index?: string) {
  return Object.assign(new Error('Raw query failed'), {
    code: 'P2010',
    meta: {
      driverAdapterError: {
        name: 'DriverAdapterError',
        cause: { originalCode, ...(index ? { constraint: { index } } : {}) },
      },
    },
  });
}

describe('postgresErrorFacts', () => {
  it('reads the SQLSTATE and constraint from a Prisma driver-adapter error', () => {
    expect(postgresErrorFacts(prismaRawError('23505', 'audit_log_chain_seq_key'))).toEqual({
      code: '23505',
      constraint: 'audit_log_chain_seq_key',
    });
  });

  it('reads a pg error directly and through a cause chain', () => {
    const pgError = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    expect(postgresErrorFacts(pgError)).toEqual({ code: '40P01', constraint: undefined });
    expect(postgresErrorFacts(new Error('wrapped', { cause: pgError }))).toMatchObject({ code: '40P01' });
  });

  it('treats Prisma P2034 as a serialization failure and ignores other Prisma codes', () => {
    expect(postgresErrorFacts({ code: 'P2034' })).toEqual({ code: '40001' });
    expect(postgresErrorFacts({ code: 'P2028' })).toEqual({});
  });
});

describe('appendFailure', () => {
  it.each(['40001', '40P01'])('makes %s a retryable AUDIT_CHAIN_CONFLICT', (code) => {
    expect(appendFailure(prismaRawError(code), ['guardrail:1'])).toMatchObject({
      code: 'AUDIT_CHAIN_CONFLICT',
      retryable: true,
      message: expect.stringContaining('guardrail:1'),
    });
  });

  it('makes a (chain, seq) collision a chain conflict and a duplicate id a duplicate entry', () => {
    expect(appendFailure(prismaRawError('23505', 'audit_log_chain_seq_key'), ['g:0'])).toMatchObject({
      code: 'AUDIT_CHAIN_CONFLICT',
    });
    expect(appendFailure(prismaRawError('23505', 'audit_log_pkey'), ['g:0'])).toMatchObject({
      code: 'AUDIT_DUPLICATE_ENTRY',
      retryable: false,
      status: 409,
    });
  });

  it('reports other failures as AUDIT_APPEND_FAILED, retryable only when the connection was the problem', () => {
    expect(appendFailure(prismaRawError('42501'), ['g:0'])).toMatchObject({
      code: 'AUDIT_APPEND_FAILED',
      retryable: false,
    });
    expect(appendFailure(prismaRawError('08006'), ['g:0'])).toMatchObject({
      code: 'AUDIT_APPEND_FAILED',
      retryable: true,
    });
    expect(appendFailure(new Error('boom'), ['g:0'])).toMatchObject({
      code: 'AUDIT_APPEND_FAILED',
      retryable: false,
    });
  });

  it('keeps the database message out of the client-facing message but in the cause', () => {
    const cause = prismaRawError('42501');
    const failure = appendFailure(cause, ['g:0']);
    expect(failure.message).toBe('Appending to audit chain g:0 failed (Postgres 42501)');
    expect(failure.cause).toBe(cause);
  });

  it('passes AuditErrors through unchanged', () => {
    const original = new AuditError('AUDIT_INVALID_ENTRY', 'bad');
    expect(appendFailure(original, [])).toBe(original);
  });
});
