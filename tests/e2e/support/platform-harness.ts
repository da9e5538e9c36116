import { join } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '@rampart/contracts';
import {
  createTestDatabase,
  createTestNamespace,
  freePort,
  NodeProcess,
  testServiceEnv,
  waitFor,
  type TestDatabase,
  type TestNamespace,
} from '@rampart/testing';

const ROOT = join(__dirname, '..', '..', '..');

export function serviceEntry(service: ServiceName): string {
  return join(ROOT, 'apps', service, 'dist', 'main.js');
}

export const CLI_ENTRY = join(ROOT, 'apps', 'cli', 'dist', 'main.js');

export interface RunningTestService {
  service: ServiceName;
  url: string;
  process: NodeProcess;
}

/** One isolated platform for a test file: its own schema and namespace, services on free ports. */
export class PlatformHarness {
  readonly services = new Map<ServiceName, RunningTestService>();

  private constructor(
    readonly db: TestDatabase,
    readonly ns: TestNamespace,
  ) {}

  static async create(label: string): Promise<PlatformHarness> {
    const db = await createTestDatabase(label);
    return new PlatformHarness(db, createTestNamespace(label, db.config.schema));
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return testServiceEnv({ namespace: this.ns.namespace, schema: this.db.config.schema, extra });
  }

  /** `RAMPART_<SERVICE>_URL` for every running service, as the CLI reads them. */
  urlEnv(): Record<string, string> {
    return Object.fromEntries(
      [...this.services.values()].map((s) => [
        `RAMPART_${s.service.toUpperCase().replace(/-/g, '_')}_URL`,
        s.url,
      ]),
    );
  }

  async start(
    services: readonly ServiceName[] = SERVICE_NAMES,
    extra: Record<string, string> = {},
  ): Promise<void> {
    await Promise.all(
      services.map(async (service) => {
        const port = await freePort();
        const process = new NodeProcess(serviceEntry(service), {
          ...this.env(extra),
          HTTP_PORT: String(port),
        });
        this.services.set(service, { service, url: `http://127.0.0.1:${port}`, process });
      }),
    );
    await Promise.all(services.map((service) => this.waitReady(service)));
  }

  async waitReady(service: ServiceName, timeoutMs = 45_000): Promise<void> {
    const running = this.services.get(service)!;
    await waitFor(
      `${service} to report ready`,
      async () => {
        if (!running.process.running) {
          throw new Error(`${service} exited: ${running.process.output().slice(-2000)}`);
        }
        const response = await fetch(`${running.url}/health/ready`).catch(() => undefined);
        return response?.status === 200;
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.services.values()].map((s) => s.process.kill()));
  }

  async close(): Promise<void> {
    await this.stopAll();
    await this.ns.cleanup();
    await this.db.drop();
  }
}
