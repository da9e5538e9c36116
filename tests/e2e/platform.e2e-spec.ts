import { Client } from 'pg';
import { BusNaming, NatsConnectionHandle, RequestClient, silentLogger } from '@rampart/bus';
import { SERVICE_NAMES, SMOKE_REQUESTS } from '@rampart/contracts';
import { pgConnectionConfig } from '@rampart/database';
import { NodeProcess, testPlatformConfig, waitFor } from '@rampart/testing';
import { CLI_ENTRY, PlatformHarness } from './support/platform-harness';

async function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const cli = new NodeProcess(CLI_ENTRY, env, args);
  const { code } = await cli.exited;
  return { code, output: cli.output() };
}

describe('the six services on one bus', () => {
  let platform: PlatformHarness;
  let admin: Client;

  beforeAll(async () => {
    platform = await PlatformHarness.create('platform');
    admin = new Client(
      pgConnectionConfig(platform.db.adminConfig, { applicationName: 'e2e', assumeRole: false }),
    );
    await admin.connect();
    await platform.start(SERVICE_NAMES, { SHUTDOWN_DRAIN_DELAY_MS: '700', AUDIT_ANCHOR_INTERVAL_MS: '300' });
  }, 120_000);

  afterAll(async () => {
    await admin?.end();
    await platform?.close();
  });

  it.each(SERVICE_NAMES)('%s is live, ready and exposes Prometheus metrics', async (service) => {
    const { url } = platform.services.get(service)!;
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const ready = (await (await fetch(`${url}/health/ready`)).json()) as {
      info: Record<string, { status: string }>;
    };
    expect(Object.keys(ready.info)).toEqual(expect.arrayContaining(['nats', 'redis', 'postgres']));
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/process_cpu_seconds_total/);
    expect(metrics).toMatch(new RegExp(`rampart_http_requests_total\\{[^}]*service="${service}"`));
  });

  it('carries one smoke event from any service through every service into the audit log', async () => {
    const response = await fetch(`${platform.services.get('incident')!.url}/v1/smoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'e2e-smoke-1' },
      body: JSON.stringify({ message: 'end to end' }),
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { event_id: string; correlation_id: string };
    expect(body.correlation_id).toBe('e2e-smoke-1');

    const rows = await waitFor(
      'every service to record the smoke',
      async () => {
        const { rows } = await admin.query<{ service: string; action: string }>(
          `SELECT service, action FROM audit_log WHERE correlation_id = $1 ORDER BY service`,
          ['e2e-smoke-1'],
        );
        return rows.filter((r) => r.action === 'smoke.processed').length === SERVICE_NAMES.length
          ? rows
          : undefined;
      },
      { timeoutMs: 30_000 },
    );
    expect(
      rows
        .filter((r) => r.action === 'smoke.processed')
        .map((r) => r.service)
        .sort(),
    ).toEqual([...SERVICE_NAMES].sort());
    expect(rows.filter((r) => r.action === 'smoke.requested').map((r) => r.service)).toEqual(['incident']);
  });

  it('refuses a smoke request with unknown fields, naming the field', async () => {
    const response = await fetch(`${platform.services.get('guardrail')!.url}/v1/smoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'x', extra: true }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; message: string; correlation_id: string };
    };
    expect(body.error.code).toBe('REQUEST_INVALID');
    expect(body.error.message).toMatch(/extra/);
    expect(body.error.correlation_id).toBeTruthy();
  });

  it('answers request-reply on every service', async () => {
    const config = testPlatformConfig('e2e', {
      namespace: platform.ns.namespace,
      schema: platform.db.config.schema,
    });
    const connection = await NatsConnectionHandle.open(config, silentLogger);
    try {
      const client = new RequestClient(connection.nc, new BusNaming(platform.ns.namespace), 'e2e');
      for (const service of SERVICE_NAMES) {
        const reply = await client.request(SMOKE_REQUESTS[service], { message: `hello ${service}` });
        expect(reply).toMatchObject({ service, message: `hello ${service}` });
      }
    } finally {
      await connection.close();
    }
  });

  it('rampart status --json lists every service as ready and exits 0', async () => {
    const { code, output } = await runCli(['status', '--json'], { ...platform.env(), ...platform.urlEnv() });
    expect(code).toBe(0);
    const statuses = JSON.parse(output) as { service: string; url: string; ready: boolean }[];
    expect(statuses.map((s) => s.service)).toEqual([...SERVICE_NAMES]);
    expect(statuses.every((s) => s.ready)).toBe(true);
    expect(statuses[0].url).toBe(platform.services.get('guardrail')!.url);
  });

  it('rampart audit verify accepts the log the services wrote, then reports an edited entry', async () => {
    const clean = await runCli(['audit', 'verify'], platform.env());
    expect(clean.code).toBe(0);
    expect(clean.output).toMatch(
      /^OK: \d+ entries in \d+ chains verified; \d+ chains match their anchors outside the database$/m,
    );

    const { rows } = await admin.query<{ chain: string; seq: string }>(
      `SELECT chain, seq FROM audit_log WHERE action = 'smoke.processed' ORDER BY chain LIMIT 1`,
    );
    await admin.query('BEGIN');
    await admin.query('SET LOCAL session_replication_role = replica');
    await admin.query(`UPDATE audit_log SET actor = 'someone-else' WHERE chain = $1 AND seq = $2`, [
      rows[0].chain,
      rows[0].seq,
    ]);
    await admin.query('COMMIT');

    const tampered = await runCli(['audit', 'verify'], platform.env());
    expect(tampered.code).toBe(2);
    expect(tampered.output).toContain(`TAMPERED: chain ${rows[0].chain} at seq ${rows[0].seq}: edited`);
  });

  it('every service turns not-ready, drains and exits 0 on SIGTERM', async () => {
    const running = [...platform.services.values()];
    for (const { process } of running) process.signal('SIGTERM');
    const sawNotReady = await Promise.all(
      running.map(({ url }) =>
        waitFor(
          'readiness to report 503 while draining',
          async () => (await fetch(`${url}/health/ready`)).status === 503,
          {
            timeoutMs: 5_000,
            intervalMs: 20,
          },
        ).then(
          () => true,
          () => false,
        ),
      ),
    );
    expect(sawNotReady).toEqual(running.map(() => true));
    const exits = await Promise.all(running.map(({ process }) => process.exited));
    expect(exits).toEqual(running.map(() => ({ code: 0, signal: null })));
    for (const { service, process } of running)
      expect(process.output()).toContain(`"msg":"${service} stopped"`);
  });
});
