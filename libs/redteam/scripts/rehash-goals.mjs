#!/usr/bin/env node
// Recomputes the sha256 and goal count of every corpus in a goal manifest after someone edited a corpus
// file, writes the manifest back and prints what changed. The loader refuses a corpus whose bytes do not
// match the manifest, so run this after every edit of a .jsonl file and review the diff.
//
//   node libs/redteam/scripts/rehash-goals.mjs [manifest.json ...] [--check]
//
// Without a path it updates the shipped manifest. `--check` changes nothing and exits 1 if a manifest is
// stale (for CI). Plain Node, no dependencies.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHIPPED = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'data', 'goals', 'manifest.json');

const args = process.argv.slice(2);
const check = args.includes('--check');
const manifests = args.filter((a) => a !== '--check');
let stale = false;

for (const manifestPath of manifests.length > 0 ? manifests.map((m) => resolve(m)) : [SHIPPED]) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const changes = [];
  for (const corpus of manifest.corpora) {
    const bytes = readFileSync(join(dirname(manifestPath), corpus.file));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The same rule as the loader: one goal per non-blank line.
    const goals = bytes
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '').length;
    if (corpus.sha256 !== sha256)
      changes.push(`${corpus.name}: sha256 ${corpus.sha256.slice(0, 12)}… -> ${sha256.slice(0, 12)}…`);
    if (corpus.goals !== goals) changes.push(`${corpus.name}: goals ${corpus.goals} -> ${goals}`);
    corpus.sha256 = sha256;
    corpus.goals = goals;
  }
  if (changes.length === 0) {
    console.log(`${manifestPath}: up to date`);
    continue;
  }
  stale = true;
  console.log(`${manifestPath}:${check ? ' stale' : ''}\n${changes.map((c) => `  ${c}`).join('\n')}`);
  if (!check) writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

if (check && stale) {
  console.error('Run `node libs/redteam/scripts/rehash-goals.mjs` to update the manifest.');
  process.exit(1);
}
