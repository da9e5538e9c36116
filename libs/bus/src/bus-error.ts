import { RampartError, type ErrorStatus, type RampartErrorOptions } from '@rampart/contracts';

export type BusErrorCode =
  | 'BUS_NOT_CONNECTED'
  | 'BUS_PUBLISH_FAILED'
  | 'BUS_REQUEST_TIMEOUT'
  | 'BUS_NO_RESPONDERS'
  | 'BUS_REMOTE_ERROR'
  | 'BUS_ENVELOPE_INVALID'
  | 'BUS_PROVISIONING_FAILED'
  | 'BUS_SHUTTING_DOWN';

const STATUS: Record<BusErrorCode, ErrorStatus> = {
  BUS_NOT_CONNECTED: 503,
  BUS_PUBLISH_FAILED: 503,
  BUS_REQUEST_TIMEOUT: 504,
  BUS_NO_RESPONDERS: 503,
  BUS_REMOTE_ERROR: 502,
  BUS_ENVELOPE_INVALID: 400,
  BUS_PROVISIONING_FAILED: 503,
  BUS_SHUTTING_DOWN: 503,
};

export class BusError extends RampartError<BusErrorCode> {
  constructor(code: BusErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(code, message, STATUS[code], options);
  }
}

/** An error reply from another service, with the code and status it sent, so callers can branch on it. */
export class RemoteCallError extends RampartError {
  constructor(
    code: string,
    message: string,
    status: ErrorStatus,
    readonly subject: string,
    options: RampartErrorOptions = {},
  ) {
    super(code, message, status, options);
  }
}
