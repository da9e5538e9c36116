import { RampartError, type RampartErrorOptions } from '@rampart/contracts';

export type ObservabilityErrorCode =
  'OBSERVABILITY_INVALID_METRIC' | 'OBSERVABILITY_METRIC_CONFLICT' | 'OBSERVABILITY_INVALID_CHECK';

/** Misuse of the observability API: always a programming error, found at startup, never worth retrying. */
export class ObservabilityError extends RampartError<ObservabilityErrorCode> {
  constructor(code: ObservabilityErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(code, message, 500, options);
  }
}
