import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import {
  BusMetrics,
  BusNaming,
  DeadLetterPublisher,
  NatsConnectionHandle,
  RampartNatsServer,
} from '@rampart/bus';
import { ConfigError, type PlatformConfig } from '@rampart/config';
import { TransactionHost } from '@rampart/database';
import { createLogger, PinoNestLogger } from '@rampart/observability';
import { HttpErrorFilter } from './filters/http-error.filter';
import { TransportErrorFilter } from './filters/transport-error.filter';
import { PlatformLifecycle } from './lifecycle/platform-lifecycle.service';

export interface ServiceRunOptions<C extends { platform: PlatformConfig }> {
  /** Validates the environment; a ConfigError stops the service before anything connects. */
  loadConfig: () => C;
  createModule: (config: C, logger: Logger) => DynamicModule;
  tracing: { shutdown(): Promise<void> };
  /** Keep each request's raw body (as `rawBody`), e.g. to verify its encoding, and the largest body accepted. */
  http?: { rawBody?: boolean; bodyLimitBytes?: (config: C) => number };
}

export interface RunningService {
  app: INestApplication;
  url: string;
  stop(signal?: string): Promise<void>;
}

/**
 * Starts a Rampart service: validated configuration first, then the Nest application with its HTTP server
 * and the NATS transport (request handlers and durable consumers), then background work; it reports ready
 * last. On SIGTERM or SIGINT it shuts down in order (see PlatformLifecycle) within SHUTDOWN_TIMEOUT_MS and
 * exits 0. Any start-up failure is logged with what to fix and exits 1.
 */
export async function runService<C extends { platform: PlatformConfig }>(
  options: ServiceRunOptions<C>,
): Promise<RunningService> {
  let config: C;
  try {
    config = options.loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const platform = config.platform;
  const logger = createLogger({
    service: platform.service,
    level: platform.logLevel,
    instanceId: platform.instanceId,
  });
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(options.createModule(config, logger), {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
      rawBody: options.http?.rawBody ?? false,
    });
    const limit = options.http?.bodyLimitBytes?.(config);
    if (limit) app.useBodyParser('json', { limit });
    app.useGlobalFilters(new TransportErrorFilter(new HttpErrorFilter(logger)));
    // Provisions streams and checks the schema before any handler can receive a message.
    await app.init();
    app.connectMicroservice(
      { strategy: createNatsServer(app, platform, logger) },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
    await app.listen(platform.http.port, platform.http.host);
    await app.get(PlatformLifecycle).startBackground();
  } catch (error) {
    logger.fatal({ err: error }, `${platform.service} failed to start: ${(error as Error).message}`);
    await app?.close().catch(() => undefined);
    await options.tracing.shutdown().catch(() => undefined);
    process.exit(1);
  }
  const url = `http://${platform.http.host === '0.0.0.0' ? '127.0.0.1' : platform.http.host}:${platform.http.port}`;
  logger.info({ url, namespace: platform.namespace || undefined }, `${platform.service} ready`);
  const running: RunningService = {
    app,
    url,
    stop: (signal) => stopService(app, platform, logger, options.tracing, signal),
  };
  installSignalHandlers(running);
  return running;
}

function createNatsServer(app: INestApplication, config: PlatformConfig, logger: Logger): RampartNatsServer {
  return new RampartNatsServer({
    connection: app.get(NatsConnectionHandle),
    naming: app.get(BusNaming),
    service: config.service,
    deadLetters: app.get(DeadLetterPublisher),
    txHost: app.get(TransactionHost),
    metrics: app.get(BusMetrics),
    maxDeliver: config.nats.maxDeliver,
    ackWaitMs: config.nats.ackWaitMs,
    logger,
  });
}

let stopping: Promise<void> | undefined;

async function stopService(
  app: INestApplication,
  config: PlatformConfig,
  logger: Logger,
  tracing: { shutdown(): Promise<void> },
  signal = 'stop',
): Promise<void> {
  stopping ??= (async () => {
    logger.info({ signal }, `${config.service} shutting down`);
    const deadline = setTimeout(() => {
      logger.error({ timeout_ms: config.shutdown.timeoutMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdown.drainDelayMs + config.shutdown.timeoutMs);
    deadline.unref();
    await app.close();
    await tracing
      .shutdown()
      .catch((error: unknown) => logger.warn({ err: error }, 'tracing shutdown failed'));
    clearTimeout(deadline);
    logger.info(`${config.service} stopped`);
  })();
  return stopping;
}

function installSignalHandlers(service: RunningService): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      service.stop(signal).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
