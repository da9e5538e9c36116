// npm run bench -- <name> [args…]: runs bench/dist/<name>.bench.js (build first: npm run build).
// Without a name, lists the benchmarks. Results go to stdout as Markdown tables for docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), 'dist');
const available = existsSync(dist)
  ? readdirSync(dist)
      .filter((file) => file.endsWith('.bench.js'))
      .map((file) => file.slice(0, -'.bench.js'.length))
  : [];
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  if (name) process.stderr.write(`no benchmark named "${name}"\n`);
  if (available.length === 0) process.stderr.write('bench/dist is empty: run `npm run build` first\n');
  else process.stdout.write(`benchmarks: ${available.join(', ')}\nusage: npm run bench -- <name> [args]\n`);
  process.exit(name ? 2 : 0);
}
const result = spawnSync(process.execPath, [join(dist, `${name}.bench.js`), ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
