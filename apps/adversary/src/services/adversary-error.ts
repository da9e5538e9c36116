import { RampartError, type ErrorStatus, type RampartErrorOptions } from '@rampart/contracts';

export type AdversaryErrorCode =
  'ADVERSARY_REQUEST_INVALID' | 'ADVERSARY_GUARDED' | 'ADVERSARY_BATCH_TOO_LARGE';

const STATUS: Record<AdversaryErrorCode, ErrorStatus> = {
  ADVERSARY_REQUEST_INVALID: 400,
  ADVERSARY_GUARDED: 429,
  ADVERSARY_BATCH_TOO_LARGE: 413,
};

export class AdversaryError extends RampartError<AdversaryErrorCode> {
  constructor(code: AdversaryErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(code, message, STATUS[code], { retryable: code === 'ADVERSARY_GUARDED', ...options });
  }

  static invalid(field: string, problem: string): AdversaryError {
    return new AdversaryError('ADVERSARY_REQUEST_INVALID', `${field}: ${problem}`, { details: { field } });
  }
}
