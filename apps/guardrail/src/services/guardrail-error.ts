import { RampartError, type ErrorStatus, type RampartErrorOptions } from '@rampart/contracts';

export type GuardrailErrorCode =
  | 'GUARDRAIL_REQUEST_INVALID'
  | 'GUARDRAIL_TEXT_TOO_LARGE'
  | 'GUARDRAIL_RATE_LIMITED'
  | 'GUARDRAIL_QUOTA_EXCEEDED'
  | 'GUARDRAIL_POLICY_NOT_FOUND'
  | 'GUARDRAIL_POLICY_CONFLICT'
  | 'GUARDRAIL_UNAUTHORIZED';

const STATUS: Record<GuardrailErrorCode, ErrorStatus> = {
  GUARDRAIL_REQUEST_INVALID: 400,
  GUARDRAIL_TEXT_TOO_LARGE: 413,
  GUARDRAIL_RATE_LIMITED: 429,
  GUARDRAIL_QUOTA_EXCEEDED: 429,
  GUARDRAIL_POLICY_NOT_FOUND: 404,
  GUARDRAIL_POLICY_CONFLICT: 409,
  GUARDRAIL_UNAUTHORIZED: 401,
};

export class GuardrailError extends RampartError<GuardrailErrorCode> {
  constructor(code: GuardrailErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(code, message, STATUS[code], { retryable: code === 'GUARDRAIL_RATE_LIMITED', ...options });
  }
}
