/**
 * Thrown by a queue handler that cannot run the job yet (a guard says "not now"): the job goes back to the
 * delayed set for `delayMs` without using up one of its attempts, instead of failing and retrying blindly.
 */
export class JobDeferredError extends Error {
  constructor(
    readonly delayMs: number,
    readonly reason: string,
  ) {
    super(`job deferred for ${delayMs} ms: ${reason}`);
    this.name = 'JobDeferredError';
  }
}
