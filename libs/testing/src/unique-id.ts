import { randomBytes } from 'node:crypto';

/**
 * A name no other test (or earlier run) uses: a valid Postgres schema, NATS namespace and queue prefix.
 * `label` keeps it readable in `nats stream ls` and `\dn` when something is left behind.
 */
export function uniqueTestId(label: string): string {
  const clean = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 16);
  return `t_${clean || 'x'}_${randomBytes(4).toString('hex')}`;
}
