import {
  NodeProcess,
  createTestNamespace,
  freePort,
  infraUrls,
  testServiceEnv,
  uniqueTestId,
} from '@rampart/testing';
import { serviceEntry } from './support/platform-harness';

/** A service that cannot work must say why and exit non-zero, before it takes any traffic. */
describe('a service that cannot start', () => {
  const ns = createTestNamespace('startup');

  afterAll(async () => {
    await ns.cleanup();
  });

  async function start(env: Record<string, string>) {
    const service = new NodeProcess(serviceEntry('guardrail'), {
      ...testServiceEnv({ namespace: ns.namespace, schema: uniqueTestId('unmigrated') }),
      HTTP_PORT: String(await freePort()),
      ...env,
    });
    const exit = await service.exited;
    return { exit, output: service.output() };
  }

  it('names every invalid environment variable and exits 1 without connecting', async () => {
    const { exit, output } = await start({ NATS_URL: 'http://127.0.0.1:4222', DATABASE_POOL_MAX: 'lots' });
    expect(exit.code).toBe(1);
    expect(output).toMatch(/Invalid configuration:/);
    expect(output).toMatch(/NATS_URL: expected a nats/);
    expect(output).toMatch(/DATABASE_POOL_MAX: expected a number/);
  });

  it('says which NATS it could not reach and exits 1', async () => {
    const { exit, output } = await start({ NATS_URL: 'nats://127.0.0.1:1' });
    expect(exit.code).toBe(1);
    expect(output).toMatch(/Cannot connect to NATS at nats:\/\/127\.0\.0\.1:1/);
  });

  it('says which Redis it could not reach and exits 1', async () => {
    const { exit, output } = await start({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(exit.code).toBe(1);
    expect(output).toMatch(/Cannot connect to Redis at 127\.0\.0\.1:1/);
  });

  it('refuses to run on a schema that is not migrated and says how to migrate it', async () => {
    const { exit, output } = await start({ DATABASE_URL: infraUrls().databaseUrl });
    expect(exit.code).toBe(1);
    expect(output).toMatch(/is missing migrations .*run `rampart db migrate`/);
  });
});
