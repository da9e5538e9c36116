import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { LatencyRecorder } from './bench-stats';

export interface OpenLoopResult {
  latency: LatencyRecorder;
  errors: number;
  /** CPU time each process spent per request during the loop: `client 0.13, service 0.80` (ms). */
  cpu: string;
}

/**
 * Sends `rate` requests a second for `seconds`, each timed from when it was due. No request goes out
 * before its due time; a timer tick sends every request that has come due since the last one, so a late
 * tick delays requests (and counts against them) rather than sending them early.
 */
function openLoop(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<boolean>,
): Promise<{ latency: LatencyRecorder; errors: number }> {
  const total = rate * seconds;
  const interval = 1000 / rate;
  const latency = new LatencyRecorder();
  let errors = 0;
  let settled = 0;
  let next = 0;
  const start = performance.now() + 50;
  return new Promise((resolve) => {
    const done = () => {
      if (++settled === total) resolve({ latency, errors });
    };
    const tick = () => {
      const now = performance.now();
      for (; next < total && start + next * interval <= now; next++) {
        const due = start + next * interval;
        send(next).then(
          (ok) => {
            if (ok) latency.add(performance.now() - due);
            else errors += 1;
            done();
          },
          () => {
            errors += 1;
            done();
          },
        );
      }
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, 50);
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc; undefined where there is none. */
function cpuSeconds(pid: number | number[] | undefined): number | undefined {
  if (pid === undefined) return undefined;
  if (Array.isArray(pid)) {
    const each = pid.map((one) => cpuSeconds(one) ?? 0);
    return pid.length > 0 ? each.reduce((sum, v) => sum + v, 0) : undefined;
  }
  try {
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Pids of the local infrastructure by program name (nats-server, redis-server, postgres), to charge them too. */
export function infrastructurePids(): Record<string, number[]> {
  const found: Record<string, number[]> = { 'nats-server': [], 'redis-server': [], postgres: [] };
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (name in found) found[name].push(Number(entry));
    }
  } catch {
    // Not Linux, or a process went away meanwhile: report what was found.
  }
  return found;
}

/** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
function machineJiffies(): { busy: number; total: number } | undefined {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const values = fields.map(Number);
    const idle = values[3] + (values[4] ?? 0);
    const total = values.reduce((sum, v) => sum + v, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/**
 * Sends `rate` requests a second for `seconds` (`send` resolves false for an error reply) and reports
 * their latency, the CPU time each of `pids` used per request meanwhile (robust to other work on the
 * machine, unlike the latency), and how busy the whole machine was (other work shows up there).
 */
export async function measuredOpenLoop(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<boolean>,
  pids: Record<string, number | number[] | undefined>,
): Promise<OpenLoopResult> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const machineBefore = machineJiffies();
  const client = process.cpuUsage();
  const started = performance.now();
  const result = await openLoop(rate, seconds, send);
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(client);
  const total = rate * seconds;
  const perRequest = (cpuSeconds: number) => ((cpuSeconds * 1000) / total).toFixed(2);
  const shares = [`client ${perRequest((used.user + used.system) / 1e6)}`];
  for (const [name, pid] of Object.entries(pids)) {
    const after = cpuSeconds(pid);
    const was = before[name];
    if (after !== undefined && was !== undefined) shares.push(`${name} ${perRequest(after - was)}`);
  }
  const machineAfter = machineJiffies();
  if (machineBefore && machineAfter) {
    // Everything on the machine, this run included: other work running meanwhile shows up here.
    const busy = (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
    shares.push(
      `machine busy ${(busy * 100).toFixed(0)}% of ${cpus().length} cores over ${elapsed.toFixed(1)} s`,
    );
  }
  return { ...result, cpu: shares.join(', ') };
}
