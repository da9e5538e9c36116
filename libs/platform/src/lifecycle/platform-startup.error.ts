import { RampartError } from '@rampart/contracts';

export type PlatformErrorCode = 'PLATFORM_STARTUP_FAILED';

/** Something the service needs before it can take traffic is missing; the message says what to do. */
export class PlatformStartupError extends RampartError<PlatformErrorCode> {
  constructor(message: string, cause?: unknown) {
    super('PLATFORM_STARTUP_FAILED', message, 503, { cause });
  }
}
