import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { maskSecrets } from '../logging/secret-masking';
import { ObservabilityError } from '../observability-error';

export interface ReadinessCheckOptions {
  /** A check still running after this long counts as down (default 2000 ms). */
  timeoutMs?: number;
}

export interface CheckResult {
  status: 'up' | 'down';
  /** Why it is down; credentials in the underlying error are masked. */
  error?: string;
  duration_ms: number;
}

export type NotReadyReason = 'starting' | 'shutting down' | 'dependency down';

export interface ReadinessReport {
  ready: boolean;
  /** Set when not ready. */
  reason?: NotReadyReason;
  checks: Record<string, CheckResult>;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 2000;
/** Key under which the service's own state appears in the readiness response; no check may use it. */
export const LIFECYCLE_CHECK = 'lifecycle';

const CHECK_NAME = /^[a-z][a-z0-9_-]{0,62}$/;
const MAX_ERROR_LENGTH = 500;

interface RegisteredCheck {
  check: () => Promise<void>;
  timeoutMs: number;
}

/**
 * Whether this instance should receive traffic: it finished starting, is not shutting down, and every
 * dependency it registered answers. Liveness never looks here: a lost database makes the pod unready,
 * and restarting it would not bring the database back.
 */
@Injectable()
export class ReadinessService implements BeforeApplicationShutdown {
  private readonly checks = new Map<string, RegisteredCheck>();
  private started = false;
  private shuttingDown = false;

  /** Adds a dependency check: it resolves when the dependency answers and rejects (or hangs) otherwise. */
  register(name: string, check: () => Promise<void>, options: ReadinessCheckOptions = {}): void {
    if (!CHECK_NAME.test(name) || name === LIFECYCLE_CHECK) {
      throw new ObservabilityError(
        'OBSERVABILITY_INVALID_CHECK',
        `Readiness check name ${JSON.stringify(name)} must be lower-case letters, digits, _ and - (and not ${LIFECYCLE_CHECK})`,
        { details: { name } },
      );
    }
    if (this.checks.has(name)) {
      throw new ObservabilityError(
        'OBSERVABILITY_INVALID_CHECK',
        `Readiness check ${name} is already registered`,
        {
          details: { name },
        },
      );
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new ObservabilityError(
        'OBSERVABILITY_INVALID_CHECK',
        `Timeout of readiness check ${name} must be > 0`,
        {
          details: { name, timeoutMs },
        },
      );
    }
    this.checks.set(name, { check, timeoutMs });
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  /** Ready from now on, as far as the service itself is concerned; call it once startup has finished. */
  markStarted(): void {
    this.started = true;
  }

  /** Not ready from now on, so that load balancers stop sending traffic while in-flight work drains. */
  beginShutdown(): void {
    this.shuttingDown = true;
  }

  get isStarted(): boolean {
    return this.started;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  /** Nest calls this on app.close() and on a shutdown signal; harmless when beginShutdown() came first. */
  beforeApplicationShutdown(): void {
    this.beginShutdown();
  }

  /** Runs every check at once, each bounded by its timeout. Never rejects. */
  async check(): Promise<ReadinessReport> {
    // Dependencies are being closed by now; probing them would only produce noise.
    if (this.shuttingDown) return { ready: false, reason: 'shutting down', checks: {} };
    const entries = await Promise.all(
      [...this.checks].map(async ([name, registered]) => [name, await runCheck(registered)] as const),
    );
    const checks = Object.fromEntries(entries);
    // Shutdown may have begun while the checks ran.
    if (this.shuttingDown) return { ready: false, reason: 'shutting down', checks };
    if (!this.started) return { ready: false, reason: 'starting', checks };
    const allUp = entries.every(([, result]) => result.status === 'up');
    return allUp ? { ready: true, checks } : { ready: false, reason: 'dependency down', checks };
  }
}

async function runCheck({ check, timeoutMs }: RegisteredCheck): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(timeoutMs)), timeoutMs);
  });
  try {
    // A synchronous throw inside check() becomes a rejection too.
    await Promise.race([Promise.resolve().then(check), timeout]);
    return { status: 'up', duration_ms: elapsed(started) };
  } catch (error) {
    return { status: 'down', error: describe(error), duration_ms: elapsed(started) };
  } finally {
    clearTimeout(timer);
  }
}

class CheckTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
  }
}

function describe(error: unknown): string {
  const masked = maskSecrets(messageOf(error));
  return masked.length > MAX_ERROR_LENGTH ? `${masked.slice(0, MAX_ERROR_LENGTH)}…` : masked;
}

// pg and ioredis report a refused connection as an AggregateError with an empty message (one error per
// address tried); the inner messages say what happened.
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message) return error.message;
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map((inner) => messageOf(inner)).join('; ');
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
