import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './support/k8s-tools';

const DOCKERFILE = readFileSync(join(REPO_ROOT, 'infra', 'docker', 'Dockerfile'), 'utf8');
const COLLECT = join(REPO_ROOT, 'infra', 'docker', 'collect.sh');

/** Dockerfile instructions with continuation lines joined, comments dropped. */
const instructions = DOCKERFILE.replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const stages = instructions.filter((line) => line.startsWith('FROM '));
const runtime = instructions.slice(instructions.lastIndexOf(stages[stages.length - 1]));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rampart-collect-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function collect(mode: string, src: string) {
  const out = join(src, '.out');
  const run = spawnSync('sh', [COLLECT, mode, src, out], { encoding: 'utf8' });
  return { ...run, out };
}

describe('infra/docker/Dockerfile', () => {
  it('builds every stage from node:20-bookworm-slim', () => {
    expect(instructions).toContain('ARG NODE_IMAGE=node:20-bookworm-slim');
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(stages.every((line) => line.startsWith('FROM ${NODE_IMAGE} AS '))).toBe(true);
  });

  it('installs from the lockfile (npm ci), builds, and ships production dependencies only', () => {
    expect(DOCKERFILE).not.toMatch(/npm (install|i) /);
    expect(instructions.some((line) => /npm ci\b(?!.*--omit=dev)/.test(line))).toBe(true);
    expect(instructions.some((line) => /npm ci .*--omit=dev/.test(line))).toBe(true);
    expect(instructions.some((line) => /npm run build/.test(line))).toBe(true);
  });

  it('runs the runtime stage as uid 10001 with node as the entrypoint', () => {
    expect(runtime).toContain('USER 10001:10001');
    expect(runtime).toContain('ENTRYPOINT ["node"]');
    expect(runtime.filter((line) => line.startsWith('USER ')).pop()).toBe('USER 10001:10001');
  });
});

describe('infra/docker/collect.sh', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
  const fixture = (files: Record<string, string>) => {
    const root = tree(files);
    roots.push(root);
    return root;
  };
  const built = {
    'package.json': '{"name":"rampart","workspaces":["libs/*","apps/*"]}',
    'package-lock.json': '{}',
    '.npmrc': 'fund=false\n',
    'apps/guardrail/src/main.ts': 'x',
    'apps/guardrail/dist/main.js': 'x',
    'apps/cli/src/main.ts': 'x',
    'apps/cli/dist/main.js': 'x',
    'libs/config/package.json': '{"name":"@rampart/config","main":"dist/index.js"}',
    'libs/config/src/index.ts': 'x',
    'libs/config/dist/index.js': 'x',
    'libs/database/package.json': '{"name":"@rampart/database","main":"dist/index.js"}',
    'libs/database/src/index.ts': 'x',
    'libs/database/dist/index.js': 'x',
    'libs/database/prisma/schema.prisma': 'x',
    'libs/database/prisma/migrations/20260101000000_init/migration.sql': 'x',
  };

  it('collects built code, workspace manifests and the migrations, but no sources', () => {
    const { status, stderr, out } = collect('runtime', fixture(built));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    for (const path of [
      'apps/guardrail/dist/main.js',
      'apps/cli/dist/main.js',
      'libs/config/package.json',
      'libs/config/dist/index.js',
      'libs/database/prisma/migrations/20260101000000_init/migration.sql',
    ]) {
      expect(existsSync(join(out, path))).toBe(true);
    }
    expect(existsSync(join(out, 'apps/guardrail/src'))).toBe(false);
    expect(existsSync(join(out, 'libs/config/src'))).toBe(false);
  });

  it('fails the build when an app was not built, instead of shipping an image that cannot start', () => {
    const { status, stderr } = collect('runtime', fixture({ ...built, 'apps/alerting/src/main.ts': 'x' }));
    expect(status).not.toBe(0);
    expect(stderr).toContain('apps/alerting has src/main.ts but no dist/main.js');
  });

  it('collects only what npm ci reads for the dependency layers', () => {
    const { status, out } = collect('manifests', fixture(built));
    expect(status).toBe(0);
    expect(existsSync(join(out, 'package-lock.json'))).toBe(true);
    expect(existsSync(join(out, '.npmrc'))).toBe(true);
    expect(existsSync(join(out, 'libs/database/package.json'))).toBe(true);
    expect(existsSync(join(out, 'libs/database/prisma'))).toBe(false);
    expect(existsSync(join(out, 'apps/guardrail/dist'))).toBe(false);
  });

  it('collects the real repository as it stands: every lib has a manifest and the migrations ship', () => {
    const out = mkdtempSync(join(tmpdir(), 'rampart-collect-real-'));
    roots.push(out);
    const run = spawnSync('sh', [COLLECT, 'manifests', REPO_ROOT, join(out, 'm')], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(existsSync(join(out, 'm', 'libs', 'database', 'package.json'))).toBe(true);
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it('keeps host dependencies, build output, VCS data and env files out of the build context', () => {
    expect(ignored).toEqual(
      expect.arrayContaining(['**/node_modules', '**/dist', '.git', '.env', '.env.*', '.rampart']),
    );
  });

  it('keeps what the build needs: sources, lockfile and the scripts the Dockerfile runs', () => {
    for (const needed of [
      'package-lock.json',
      'infra',
      'infra/docker',
      'infra/scripts',
      'libs',
      'apps',
      'proto',
    ]) {
      expect(ignored).not.toContain(needed);
    }
  });
});
