import { RampartError, type RampartErrorOptions } from '@rampart/contracts';

export type SafetyErrorCode = 'SAFETY_INVALID_INPUT' | 'SAFETY_INVALID_SPAN';

/**
 * A caller handed the safety library something it cannot work on. Invalid spans are a bug in a detector, so
 * they surface as 500: a redaction that cannot be applied exactly must fail the request, never pass it.
 */
export class SafetyError extends RampartError<SafetyErrorCode> {
  constructor(code: SafetyErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(code, message, code === 'SAFETY_INVALID_INPUT' ? 400 : 500, { ...options, retryable: false });
  }
}
