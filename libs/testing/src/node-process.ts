import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * A built Node program (a service or a test fixture) run as a real process, so tests can send it signals,
 * kill it outright, and read its output.
 */
export class NodeProcess {
  readonly lines: string[] = [];
  private readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  /** `execArgv` goes to node itself, before the entry (for example `--cpu-prof` in a benchmark). */
  constructor(entry: string, env: Record<string, string>, args: string[] = [], execArgv: string[] = []) {
    if (!existsSync(entry)) {
      throw new Error(`${entry} does not exist: run \`npm run build\` before the integration and e2e tests`);
    }
    this.child = spawn(process.execPath, [...execArgv, entry, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => this.lines.push(line));
    }
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** The output so far, for assertion messages. */
  output(): string {
    return this.lines.join('\n');
  }

  /** Ends the process for sure (test cleanup). */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
