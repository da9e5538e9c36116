import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

/** Latencies of individual operations, in milliseconds. */
export class LatencyRecorder {
  private readonly samples: number[] = [];

  /** Times `work` and keeps its latency. */
  async time<T>(work: () => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    try {
      return await work();
    } finally {
      this.samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }

  /** Times synchronous `work`, where awaiting would add a microtask turn to every sample. */
  recordSync<T>(work: () => T): T {
    const started = process.hrtime.bigint();
    try {
      return work();
    } finally {
      this.samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }

  /** Keeps a latency measured elsewhere, in milliseconds. */
  add(milliseconds: number): void {
    this.samples.push(milliseconds);
  }

  get count(): number {
    return this.samples.length;
  }

  /** Nearest-rank percentile, p in (0, 100]. */
  percentile(p: number): number {
    if (this.samples.length === 0) return NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  }
}

/** Runs `total` operations spread over `concurrency` workers pulling from one shared counter. */
export async function runConcurrently(
  total: number,
  concurrency: number,
  operation: (index: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) await operation(i);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** A Markdown table: it reads in a terminal and pastes into docs/benchmarks.md as it is. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(cells[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

/** CPU model, cores, RAM and Node version: what a reader needs to compare figures across machines. */
export function machineDescription(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? model;
  } catch {
    // Not Linux: os.cpus() named it already.
  }
  const ram = (totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${cpus().length} cores, ${ram} GiB RAM, Node ${process.version}`;
}

/** A positive integer from `--name value`, `--name=value` or an environment variable. */
export function intOption(argv: string[], name: string, envName: string, fallback: number): number {
  const index = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  const raw =
    index === -1
      ? process.env[envName]
      : argv[index].includes('=')
        ? argv[index].split('=')[1]
        : argv[index + 1];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} (${envName}) must be a positive integer, got "${raw}"`);
  return value;
}

/** Wilson score 95% interval of a proportion, as percentages: honest for small n and rates near 0 or 1. */
export function wilson95(successes: number, n: number): { rate: number; low: number; high: number } {
  if (n === 0) return { rate: NaN, low: NaN, high: NaN };
  const z = 1.959964;
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { rate: 100 * p, low: 100 * Math.max(0, centre - margin), high: 100 * Math.min(1, centre + margin) };
}
