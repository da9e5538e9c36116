import { ObservabilityError } from '../observability-error';
import { ReadinessService } from './readiness.service';

describe('ReadinessService', () => {
  it('is not ready before markStarted, even with every check up', async () => {
    const readiness = new ReadinessService();
    readiness.register('nats', async () => undefined);
    const report = await readiness.check();
    expect(report).toMatchObject({ ready: false, reason: 'starting', checks: { nats: { status: 'up' } } });
  });

  it('is ready once started with every check up, and reports each check with its duration', async () => {
    const readiness = new ReadinessService();
    readiness.register('nats', async () => undefined);
    readiness.register('redis', async () => undefined);
    readiness.markStarted();
    const report = await readiness.check();
    expect(report.ready).toBe(true);
    expect(report.reason).toBeUndefined();
    expect(Object.keys(report.checks).sort()).toEqual(['nats', 'redis']);
    expect(report.checks.nats.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('is ready when started with no checks registered', async () => {
    const readiness = new ReadinessService();
    readiness.markStarted();
    await expect(readiness.check()).resolves.toEqual({ ready: true, checks: {} });
  });

  it('is not ready when a check fails, and says which one and why', async () => {
    const readiness = new ReadinessService();
    readiness.register('nats', async () => undefined);
    readiness.register('postgres', async () => {
      throw new Error('connection refused');
    });
    readiness.markStarted();
    const report = await readiness.check();
    expect(report).toMatchObject({
      ready: false,
      reason: 'dependency down',
      checks: { nats: { status: 'up' }, postgres: { status: 'down', error: 'connection refused' } },
    });
  });

  it('counts a check that throws synchronously as down', async () => {
    const readiness = new ReadinessService();
    readiness.register('sync', () => {
      throw new Error('not connected');
    });
    readiness.markStarted();
    expect((await readiness.check()).checks.sync).toMatchObject({ status: 'down', error: 'not connected' });
  });

  it('counts a check that outlives its timeout as down', async () => {
    const readiness = new ReadinessService();
    readiness.register('slow', () => new Promise<void>(() => undefined), { timeoutMs: 30 });
    readiness.markStarted();
    const report = await readiness.check();
    expect(report.checks.slow).toMatchObject({ status: 'down', error: 'timed out after 30 ms' });
    expect(report.checks.slow.duration_ms).toBeGreaterThanOrEqual(25);
  });

  it('runs the checks concurrently', async () => {
    // Counted, not timed: all three must be in flight at once.
    const readiness = new ReadinessService();
    let inFlight = 0;
    let most = 0;
    const wait = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise<void>((resolve) => setTimeout(resolve, 20));
      inFlight--;
    };
    readiness.register('a', wait);
    readiness.register('b', wait);
    readiness.register('c', wait);
    readiness.markStarted();
    await readiness.check();
    expect(most).toBe(3);
  });

  it('masks credentials in check errors', async () => {
    const readiness = new ReadinessService();
    readiness.register('postgres', async () => {
      throw new Error('cannot connect to postgresql://rampart:pg-s3cret@db:5432/rampart');
    });
    readiness.markStarted();
    const report = await readiness.check();
    expect(report.checks.postgres.error).toBe('cannot connect to postgresql://rampart:***@db:5432/rampart');
  });

  it('describes an AggregateError with an empty message (a refused connection) by its inner errors', async () => {
    const readiness = new ReadinessService();
    readiness.register('redis', async () => {
      throw new AggregateError([
        new Error('connect ECONNREFUSED ::1:6379'),
        new Error('connect ECONNREFUSED 127.0.0.1:6379'),
      ]);
    });
    readiness.markStarted();
    expect((await readiness.check()).checks.redis.error).toBe(
      'connect ECONNREFUSED ::1:6379; connect ECONNREFUSED 127.0.0.1:6379',
    );
  });

  it('is not ready from beginShutdown on, with reason "shutting down", without probing dependencies', async () => {
    const readiness = new ReadinessService();
    const check = jest.fn(async () => undefined);
    readiness.register('nats', check);
    readiness.markStarted();
    readiness.beginShutdown();
    expect(readiness.isShuttingDown).toBe(true);
    await expect(readiness.check()).resolves.toEqual({ ready: false, reason: 'shutting down', checks: {} });
    expect(check).not.toHaveBeenCalled();
  });

  it("begins shutting down when Nest's beforeApplicationShutdown hook runs", () => {
    const readiness = new ReadinessService();
    readiness.beforeApplicationShutdown();
    expect(readiness.isShuttingDown).toBe(true);
  });

  it('refuses a duplicate, reserved or malformed check name and a non-positive timeout', () => {
    const readiness = new ReadinessService();
    readiness.register('nats', async () => undefined);
    expect(() => readiness.register('nats', async () => undefined)).toThrow(ObservabilityError);
    expect(() => readiness.register('lifecycle', async () => undefined)).toThrow(/lifecycle/);
    expect(() => readiness.register('Bad Name', async () => undefined)).toThrow(ObservabilityError);
    expect(() => readiness.register('zero', async () => undefined, { timeoutMs: 0 })).toThrow(
      ObservabilityError,
    );
  });

  it('stops running a check once unregistered', async () => {
    const readiness = new ReadinessService();
    readiness.register('gone', async () => {
      throw new Error('x');
    });
    readiness.unregister('gone');
    readiness.markStarted();
    await expect(readiness.check()).resolves.toEqual({ ready: true, checks: {} });
  });
});
