/**
 * Exponential backoff with ±20% jitter, so that a failing dependency is retried less and less often and
 * many consumers that failed together do not retry together.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = exponential * 0.2 * (random() * 2 - 1);
  return Math.max(0, Math.round(Math.min(maxMs, exponential + jitter)));
}
