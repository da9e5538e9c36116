#!/usr/bin/env node
// Completes package-lock.json with the platform-specific optional packages (darwin, win32, musl, arm …)
// that npm could not record because the registry mirror on our build machines only serves the packages
// of its own platform (it answers 404 for the others). npm 11's `npm ci` refuses a lockfile that lacks
// them ("Missing: @swc/core-darwin-arm64@ from lock file").
//
// Each added entry carries the exact version pinned by its parent plus `os`/`cpu`/`libc` read from the
// package name, so npm skips it on every other platform and installs it (fetching it by name and version)
// on the one it is for. Run it after `npm install` changes the lockfile:  node infra/scripts/lockfile-platforms.mjs
// `--check` exits 1 when entries are missing (CI uses it through npm ci itself).
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../../package-lock.json', import.meta.url);
const OS = [
  'darwin',
  'win32',
  'linux',
  'freebsd',
  'android',
  'openharmony',
  'sunos',
  'aix',
  'netbsd',
  'openbsd',
];
const CPU = [
  ['aarch64', 'arm64'],
  ['arm64', 'arm64'],
  ['x64', 'x64'],
  ['ia32', 'ia32'],
  ['armv7', 'arm'],
  ['arm', 'arm'],
  ['ppc64', 'ppc64'],
  ['s390x', 's390x'],
  ['riscv64', 'riscv64'],
  ['loong64', 'loong64'],
];

/** os, cpu and libc from a name such as `@swc/core-linux-arm-gnueabihf` or `@nx/nx-linux-x64-musl`. */
export function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = OS.find((candidate) => tokens.includes(candidate));
  const cpu = CPU.find(([token]) => tokens.includes(token))?.[1];
  if (!os || !cpu) return undefined;
  const libc = os === 'linux' ? (tokens.some((t) => t.startsWith('musl')) ? 'musl' : 'glibc') : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

function main() {
  const check = process.argv.includes('--check');
  const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
  const packages = lock.packages;
  const added = [];
  const unknown = [];
  for (const [path, entry] of Object.entries(packages)) {
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
      const hoisted = `node_modules/${name}`;
      const exact = /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec);
      if (packages[nested] || (packages[hoisted] && (!exact || packages[hoisted].version === spec))) continue;
      const platform = platformOf(name);
      if (!platform || !exact) {
        unknown.push(`${name}@${spec} (needed by ${path || 'the root'})`);
        continue;
      }
      // Hoisted like npm does, unless another version already sits at the top.
      packages[packages[hoisted] ? nested : hoisted] = {
        version: spec,
        ...platform,
        ...(entry.dev ? { dev: true } : {}),
        optional: true,
      };
      added.push(`${name}@${spec}`);
    }
  }
  if (check) {
    if (added.length > 0)
      console.error(
        `package-lock.json lacks ${added.length} platform packages: run node infra/scripts/lockfile-platforms.mjs`,
      );
    process.exit(added.length > 0 ? 1 : 0);
  }
  const sorted = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
  );
  writeFileSync(LOCK, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
  console.log(`added ${added.length} platform entries${added.length ? `:\n  ${added.join('\n  ')}` : ''}`);
  if (unknown.length)
    console.warn(`could not place (platform or version not recognised):\n  ${unknown.join('\n  ')}`);
}

main();
