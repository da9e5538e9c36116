import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { colorize, formatLogLine, serviceColor } from './log-format';

export interface SupervisedService {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
}

export interface SupervisorOutput {
  write(line: string): void;
  color: boolean;
  /** Print services' JSON log lines as they are instead of compactly. */
  raw: boolean;
}

/**
 * Runs each service as its own process, prefixing its log lines with its name; stops them with SIGTERM
 * (their graceful shutdown) and only kills what does not exit in time.
 */
export class ServiceSupervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(
    private readonly services: SupervisedService[],
    private readonly output: SupervisorOutput,
    private readonly onUnexpectedExit: (name: string, code: number | null, signal: string | null) => void,
  ) {}

  start(): void {
    const width = Math.max(...this.services.map((s) => s.name.length));
    this.services.forEach((service, index) => {
      const child = spawn(process.execPath, [service.entry], {
        env: service.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const prefix = colorize(`[${service.name.padEnd(width)}]`, serviceColor(index), this.output.color);
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          this.output.write(`${prefix} ${this.output.raw ? line : formatLogLine(line, this.output.color)}`);
        });
      }
      child.once('exit', (code, signal) => {
        this.children.delete(service.name);
        if (!this.stopping) this.onUnexpectedExit(service.name, code, signal);
      });
      this.children.set(service.name, child);
    });
  }

  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  }
}
