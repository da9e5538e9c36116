import { SERVICE_NAMES } from '@rampart/contracts';
import {
  createTestNamespace,
  freePort,
  infraUrls,
  NodeProcess,
  testServiceEnv,
  uniqueTestId,
  waitFor,
} from '@rampart/testing';
import { dropSchema } from '@rampart/database';
import { CLI_ENTRY } from './support/platform-harness';

/** `npm start` runs `rampart up`: this is that command, on a fresh schema and free ports. */
describe('rampart up (npm start)', () => {
  const ns = createTestNamespace('launcher');
  const schema = uniqueTestId('launcher');

  afterAll(async () => {
    await ns.cleanup();
    await dropSchema({ url: infraUrls().databaseUrl, schema, poolMax: 1 });
  });

  it('migrates a fresh schema, starts all six services, prints their URLs and stops them all on SIGTERM', async () => {
    const urls: Record<string, string> = {};
    for (const service of SERVICE_NAMES) {
      urls[`RAMPART_${service.toUpperCase().replace(/-/g, '_')}_URL`] =
        `http://127.0.0.1:${await freePort()}`;
    }
    const env = { ...testServiceEnv({ namespace: ns.namespace, schema }), ...urls };
    const launcher = new NodeProcess(CLI_ENTRY, env, ['up', '--raw-logs']);
    try {
      await waitFor('every service to be ready', () => launcher.output().includes('all services ready'), {
        timeoutMs: 90_000,
        intervalMs: 200,
      });
      expect(launcher.output()).toMatch(/applied 1 migration\(s\)|applied \d+ migration/);
      for (const url of Object.values(urls)) expect(launcher.output()).toContain(url);

      const status = new NodeProcess(CLI_ENTRY, env, ['status', '--json']);
      expect((await status.exited).code).toBe(0);

      launcher.signal('SIGTERM');
      expect((await launcher.exited).code).toBe(0);
      for (const service of SERVICE_NAMES) expect(launcher.output()).toContain(`"msg":"${service} stopped"`);
      const after = new NodeProcess(CLI_ENTRY, env, ['status', '--json']);
      expect((await after.exited).code).toBe(1);
    } finally {
      await launcher.kill();
    }
  });

  it('says which dependency is down and how to start it, and exits 1', async () => {
    const launcher = new NodeProcess(
      CLI_ENTRY,
      { ...testServiceEnv({ namespace: ns.namespace, schema }), NATS_URL: 'nats://127.0.0.1:1' },
      ['up'],
    );
    const exit = await launcher.exited;
    expect(exit.code).toBe(1);
    expect(launcher.output()).toMatch(/NATS is not reachable at nats:\/\/127\.0\.0\.1:1/);
    expect(launcher.output()).toMatch(/start it with: .*nats-server .*-js/);
  });
});
