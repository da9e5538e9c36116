import { RampartError, type RampartErrorOptions } from '@rampart/contracts';

export type DatabaseErrorCode =
  | 'DATABASE_UNREACHABLE'
  | 'DATABASE_MIGRATION_FAILED'
  | 'DATABASE_MIGRATIONS_PENDING'
  | 'DATABASE_MIGRATION_MODIFIED';

export class DatabaseError extends RampartError<DatabaseErrorCode> {
  constructor(code: DatabaseErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(code, message, code === 'DATABASE_UNREACHABLE' ? 503 : 500, options);
  }
}
