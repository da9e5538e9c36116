import { RampartError, type RampartErrorOptions } from './rampart-error';

export type ContractErrorCode = 'CONTRACT_PAYLOAD_INVALID' | 'CONTRACT_UNKNOWN_SUBJECT';

/** A payload that does not match the schema of record for its subject; never worth retrying. */
export class ContractError extends RampartError<ContractErrorCode> {
  constructor(code: ContractErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(code, message, 400, { ...options, retryable: false });
  }
}
