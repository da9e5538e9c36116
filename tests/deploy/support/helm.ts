import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { SERVICE_NAMES } from '@rampart/contracts';
import { k8sTools, REPO_ROOT } from './k8s-tools';
import { type Manifest, parseManifests } from './manifests';

export const CHART_DIR = join(REPO_ROOT, 'helm', 'rampart');
export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
// The chart must deploy exactly the services the contracts declare.
export const SERVICES = SERVICE_NAMES;

export function environmentValuesFile(env: Environment): string {
  return join(REPO_ROOT, 'helm', 'environments', env, 'values.yaml');
}

export interface RenderOptions {
  env?: Environment;
  /** Extra values, applied after the environment file (like a second -f). */
  values?: Record<string, unknown>;
  namespace?: string;
}

// Helm must not read or write the developer's own repositories and plugins.
const helmHome = mkdtempSync(join(tmpdir(), 'rampart-helm-'));
// Jest loads support modules once per test file, so this removes each file's scratch directory.
afterAll(() => rmSync(helmHome, { recursive: true, force: true }));
const helmEnv = {
  ...process.env,
  HELM_CACHE_HOME: join(helmHome, 'cache'),
  HELM_CONFIG_HOME: join(helmHome, 'config'),
  HELM_DATA_HOME: join(helmHome, 'data'),
};
let valuesFileCount = 0;

function valueArgs(options: RenderOptions): string[] {
  const args: string[] = [];
  if (options.env) args.push('-f', environmentValuesFile(options.env));
  if (options.values) {
    const file = join(helmHome, `values-${++valuesFileCount}.yaml`);
    writeFileSync(file, stringify(options.values));
    args.push('-f', file);
  }
  return args;
}

export function runHelm(args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync(k8sTools().helm, args, { encoding: 'utf8', env: helmEnv, timeout: 60_000 });
  if (result.error) throw result.error;
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr };
}

export function helmTemplate(options: RenderOptions = {}): { ok: boolean; stdout: string; stderr: string } {
  const namespace = options.namespace ?? `rampart-${options.env ?? 'default'}`;
  return runHelm(['template', 'rampart', CHART_DIR, '--namespace', namespace, ...valueArgs(options)]);
}

const renderCache = new Map<string, Manifest[]>();

/** Rendered objects; throws with Helm's message when rendering fails. */
export function render(options: RenderOptions = {}): Manifest[] {
  const key = JSON.stringify(options);
  let manifests = renderCache.get(key);
  if (!manifests) {
    const result = helmTemplate(options);
    if (!result.ok) throw new Error(`helm template failed:\n${result.stderr}`);
    manifests = parseManifests(result.stdout);
    renderCache.set(key, manifests);
  }
  // Callers may mutate what they get; the cache keeps its own copy.
  return structuredClone(manifests);
}

/** Helm's error output for values that must not render; throws if they do render. */
export function renderError(options: RenderOptions): string {
  const result = helmTemplate(options);
  if (result.ok) throw new Error('expected helm template to fail, but it rendered');
  return result.stderr;
}

export function helmLint(options: RenderOptions = {}): { ok: boolean; output: string } {
  const result = runHelm(['lint', CHART_DIR, '--strict', ...valueArgs(options)]);
  return { ok: result.ok, output: result.stdout + result.stderr };
}
