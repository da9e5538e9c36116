import type { Command } from 'commander';
import { ExitCode } from '../cli';
import { serviceUrls } from './cli-env';

export interface ServiceStatus {
  service: string;
  url: string;
  ready: boolean;
  /** Why it is not ready: the HTTP status and reason, or the connection error. */
  detail?: string;
}

export async function probeReady(
  url: string,
  timeoutMs: number,
): Promise<Pick<ServiceStatus, 'ready' | 'detail'>> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    if (response.status === 200) return { ready: true };
    const body = (await response.json().catch(() => ({}))) as { error?: Record<string, { error?: string }> };
    const failing = Object.entries(body.error ?? {}).map(
      ([name, check]) => `${name}: ${check.error ?? 'down'}`,
    );
    return {
      ready: false,
      detail: `HTTP ${response.status}${failing.length ? ` (${failing.join('; ')})` : ''}`,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      ready: false,
      detail: cause ? `unreachable (${cause})` : `unreachable (${(error as Error).message})`,
    };
  }
}

export async function collectStatus(
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServiceStatus[]> {
  return Promise.all(
    serviceUrls(env).map(async ({ service, url }) => ({
      service,
      url,
      ...(await probeReady(url, timeoutMs)),
    })),
  );
}

export function formatStatusTable(statuses: ServiceStatus[]): string {
  const width = Math.max(...statuses.map((s) => s.service.length), 'SERVICE'.length);
  const urlWidth = Math.max(...statuses.map((s) => s.url.length), 'URL'.length);
  const lines = [`${'SERVICE'.padEnd(width)}  ${'READY'.padEnd(5)}  ${'URL'.padEnd(urlWidth)}  DETAIL`];
  for (const s of statuses) {
    lines.push(
      `${s.service.padEnd(width)}  ${(s.ready ? 'yes' : 'no').padEnd(5)}  ${s.url.padEnd(urlWidth)}  ${s.detail ?? ''}`.trimEnd(),
    );
  }
  return lines.join('\n');
}

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description("Show each service's URL and readiness; exits 0 only when all are ready")
    .option('--json', 'print [{service, url, ready}] as JSON')
    .option('--timeout <ms>', 'how long to wait for each service', '2000')
    .action(async (options: { json?: boolean; timeout: string }) => {
      const statuses = await collectStatus(Number(options.timeout) || 2000);
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify(statuses.map(({ service, url, ready }) => ({ service, url, ready })))}\n`,
        );
      } else {
        process.stdout.write(`${formatStatusTable(statuses)}\n`);
      }
      if (!statuses.every((s) => s.ready)) throw new ExitCode(1);
    });
}
