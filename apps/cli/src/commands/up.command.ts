import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, platformEnvShape } from '@rampart/config';
import { DEFAULT_HTTP_PORTS } from '@rampart/contracts';
import { z } from 'zod';
import { ExitCode } from '../cli';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../launcher/embedded-postgres';
import { hostPort, isListening, START_HINTS, type Dependency } from '../launcher/infra-check';
import { ServiceSupervisor } from '../launcher/service-supervisor';
import { serviceUrls } from './cli-env';
import { formatStatusTable, probeReady, type ServiceStatus } from './status.command';

const upEnv = z.object({
  NATS_URL: platformEnvShape.NATS_URL,
  REDIS_URL: platformEnvShape.REDIS_URL,
  DATABASE_URL: platformEnvShape.DATABASE_URL,
  DATABASE_SCHEMA: platformEnvShape.DATABASE_SCHEMA,
  RAMPART_NAMESPACE: platformEnvShape.RAMPART_NAMESPACE,
  JETSTREAM_REPLICAS: platformEnvShape.JETSTREAM_REPLICAS,
});

interface UpOptions {
  readyTimeout: string;
  rawLogs?: boolean;
  dataDir: string;
}

function log(line: string): void {
  process.stdout.write(`[rampart] ${line}\n`);
}

/** Which of NATS, Redis and Postgres are down; Postgres may be replaced by an embedded one. */
async function checkDependencies(
  env: z.infer<typeof upEnv>,
  embeddedAllowed: boolean,
): Promise<Dependency[]> {
  const dependencies: (Dependency & { defaultPort: number })[] = [
    { name: 'NATS', url: env.NATS_URL, hint: START_HINTS.NATS, defaultPort: 4222 },
    { name: 'Redis', url: env.REDIS_URL, hint: START_HINTS.Redis, defaultPort: 6379 },
    { name: 'Postgres', url: env.DATABASE_URL, hint: START_HINTS.Postgres, defaultPort: 5432 },
  ];
  const down: Dependency[] = [];
  for (const dependency of dependencies) {
    const { host, port } = hostPort(dependency.url, dependency.defaultPort);
    if (await isListening(host, port)) continue;
    if (dependency.name === 'Postgres' && embeddedAllowed) continue;
    down.push(dependency);
  }
  return down;
}

async function provisionStreams(env: z.infer<typeof upEnv>): Promise<void> {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const { connect } = await import('@nats-io/transport-node');
  const { BusNaming, silentLogger, StreamProvisioner } = await import('@rampart/bus');
  const nc = await connect({ servers: env.NATS_URL.split(','), name: 'rampart-launcher' });
  try {
    const jsm = await jetstreamManager(nc, { timeout: 5_000 }).catch((error: unknown) => {
      throw new Error(
        `NATS at ${env.NATS_URL} has no JetStream (start nats-server with -js): ${(error as Error).message}`,
      );
    });
    const naming = new BusNaming(env.RAMPART_NAMESPACE ?? '');
    await new StreamProvisioner(jsm, naming, env.JETSTREAM_REPLICAS, silentLogger).ensureAll();
  } finally {
    await nc.close();
  }
}

async function waitUntilReady(timeoutMs: number, env: NodeJS.ProcessEnv): Promise<ServiceStatus[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = await Promise.all(
      serviceUrls(env).map(async ({ service, url }) => ({ service, url, ...(await probeReady(url, 1_000)) })),
    );
    if (statuses.every((s) => s.ready) || Date.now() > deadline) return statuses;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function serviceEntry(service: string): string {
  return join(dirname(require.resolve(`@rampart/${service}/package.json`)), 'dist', 'main.js');
}

export function registerUpCommand(program: Command): void {
  program
    .command('up')
    .description(
      'Run the whole platform locally: check NATS, Redis and Postgres, migrate, start the six services',
    )
    .option('--ready-timeout <ms>', 'how long to wait for every service to report ready', '60000')
    .option('--raw-logs', "print the services' JSON log lines unchanged")
    .option('--data-dir <dir>', 'where an embedded Postgres keeps its data', '.rampart/postgres')
    .action(async (options: UpOptions) => {
      const env = loadConfig(upEnv);
      const embeddedAllowed = !process.env.DATABASE_URL;
      const down = await checkDependencies(env, embeddedAllowed);
      if (down.length > 0) {
        for (const dependency of down) {
          process.stderr.write(
            `rampart: ${dependency.name} is not reachable at ${dependency.url}\n  start it with: ${dependency.hint}\n`,
          );
        }
        throw new ExitCode(1);
      }
      let embedded: EmbeddedPostgresHandle | undefined;
      const { host, port } = hostPort(env.DATABASE_URL, 5432);
      if (embeddedAllowed && !(await isListening(host, port))) {
        log(`nothing listens on ${host}:${port} and DATABASE_URL is not set: starting an embedded Postgres`);
        embedded = await startEmbeddedPostgres(resolve(options.dataDir), port, log);
        env.DATABASE_URL = embedded.url;
      }
      const schema = env.DATABASE_SCHEMA ?? new URL(env.DATABASE_URL).searchParams.get('schema') ?? 'public';
      const { migrateDatabase } = await import('@rampart/database');
      const { applied } = await migrateDatabase({ url: env.DATABASE_URL, schema, poolMax: 1 }, log);
      log(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');
      await provisionStreams(env);
      log('JetStream streams provisioned');

      const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: env.DATABASE_URL };
      let shuttingDown = false;
      const supervisor = new ServiceSupervisor(
        serviceUrls(childEnv).map(({ service, url }) => ({
          name: service,
          entry: serviceEntry(service),
          // RAMPART_<SERVICE>_URL picks the port, so `status` and the launcher agree on where each one is.
          env: { ...childEnv, HTTP_PORT: new URL(url).port || String(DEFAULT_HTTP_PORTS[service]) },
        })),
        {
          write: (line) => process.stdout.write(`${line}\n`),
          color: Boolean(process.stdout.isTTY),
          raw: Boolean(options.rawLogs),
        },
        (name, code, signal) => {
          if (shuttingDown) return;
          process.stderr.write(
            `rampart: ${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the platform\n`,
          );
          void shutdown(1);
        },
      );
      const shutdown = async (code: number) => {
        if (shuttingDown) return;
        shuttingDown = true;
        log('stopping services…');
        await supervisor.stop(30_000);
        await embedded?.stop().catch(() => undefined);
        log('stopped');
        process.exit(code);
      };
      process.once('SIGINT', () => void shutdown(0));
      process.once('SIGTERM', () => void shutdown(0));
      supervisor.start();

      const statuses = await waitUntilReady(Number(options.readyTimeout) || 60_000, childEnv);
      if (!statuses.every((s) => s.ready)) {
        process.stderr.write(`rampart: not every service became ready:\n${formatStatusTable(statuses)}\n`);
        await shutdown(1);
        return;
      }
      log(`all services ready:\n${formatStatusTable(statuses)}\nPress Ctrl+C to stop.`);
      await new Promise<never>(() => undefined);
    });
}
