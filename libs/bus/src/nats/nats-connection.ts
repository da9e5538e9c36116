import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { PlatformConfig } from '@rampart/config';
import { BusError } from '../bus-error';
import type { BusLogger } from '../bus-logger';

/**
 * The one NATS connection of a service: Nest's NATS transport, JetStream publishing and consuming, and
 * request-reply all share it, so readiness reflects the connection that actually carries the traffic.
 */
export class NatsConnectionHandle {
  private disconnected = false;

  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    private readonly logger: BusLogger,
  ) {
    void this.watchStatus();
  }

  static async open(config: PlatformConfig, logger: BusLogger): Promise<NatsConnectionHandle> {
    let nc: NatsConnection;
    try {
      nc = await connect({
        servers: config.nats.servers,
        name: `${config.service}@${config.instanceId}`,
        token: config.nats.token,
        user: config.nats.user,
        pass: config.nats.password,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 1_000,
        pingInterval: 10_000,
      });
    } catch (error) {
      throw new BusError(
        'BUS_NOT_CONNECTED',
        `Cannot connect to NATS at ${config.nats.servers.join(', ')}: ${(error as Error).message}`,
        { cause: error, retryable: true },
      );
    }
    const jsm = await jetstreamManager(nc, { timeout: 5_000 });
    return new NatsConnectionHandle(nc, jetstream(nc, { timeout: 5_000 }), jsm, logger);
  }

  get isConnected(): boolean {
    return !this.nc.isClosed() && !this.disconnected;
  }

  /** Round trip to the server: proves the connection carries traffic right now. */
  async ping(): Promise<void> {
    if (!this.isConnected) throw new BusError('BUS_NOT_CONNECTED', 'NATS connection is down (reconnecting)');
    await this.nc.flush();
  }

  /** Drains subscriptions and pending publishes, then closes. */
  async close(): Promise<void> {
    if (this.nc.isClosed()) return;
    try {
      await this.nc.drain();
    } catch (error) {
      this.logger.warn({ err: error }, 'NATS drain failed; closing');
      await this.nc.close();
    }
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      switch (status.type) {
        case 'disconnect':
          this.disconnected = true;
          this.logger.warn({ server: status.server }, 'NATS disconnected; reconnecting');
          break;
        case 'reconnect':
          this.disconnected = false;
          this.logger.info({ server: status.server }, 'NATS reconnected');
          break;
        case 'error':
          this.logger.error({ err: status.error }, 'NATS connection error');
          break;
        case 'slowConsumer':
        case 'staleConnection':
          this.logger.warn({ status: status.type }, 'NATS connection degraded');
          break;
        case 'close':
        case 'forceReconnect':
        case 'ldm':
        case 'ping':
        case 'reconnecting':
        case 'update':
          break;
      }
    }
  }
}
