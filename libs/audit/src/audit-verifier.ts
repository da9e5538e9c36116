import type { Client, Pool, PoolClient } from 'pg';
import { AuditError } from './audit-error';
import type { AuditRecord } from './audit-entry';
import { canonicalJson } from './canonical-json';
import type { ChainHead } from './audit-chain';
import { AuditChainWalker, type VerifyProblem } from './audit-chain-walker';
import type { AuditAnchor } from './audit-anchor.store';

export interface VerifyOptions {
  /** Verify only this chain, e.g. `guardrail:2`. */
  chain?: string;
  /** Rows per query while walking a chain. Default 1000. */
  batchSize?: number;
  /** Called after every batch with the number of rows verified so far. */
  onProgress?(rowsSoFar: number): void;
  /** Report every problem instead of the first of each chain (slower on a badly damaged chain). */
  allProblems?: boolean;
  /**
   * Chain heads recorded outside the database (read them before verifying). Each chain must reach its
   * anchor with the anchored hash; chains that exist only as anchors are reported as truncated.
   */
  anchors?: ReadonlyMap<string, AuditAnchor>;
}

export interface VerifyResult {
  ok: boolean;
  /** Rows read and checked; a chain's walk stops at its first problem unless `allProblems` is set. */
  rows: number;
  chains: number;
  /** Chains that were checked against an anchor outside the database. */
  anchoredChains: number;
  problems: VerifyProblem[];
}

export interface AuditVerifierOptions {
  /** Needs SELECT on audit_log and audit_chain_head. It must not be inside a transaction: each chain gets its own. */
  client: Client | Pool;
}

interface RowText {
  id: string;
  chain: string;
  seq: string;
  service: string;
  actor: string;
  action: string;
  resource: string;
  reason: string | null;
  rule: string | null;
  evidence: string | null;
  correlation_id: string;
  causation_id: string | null;
  occurred_at: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

// Everything is read as text and parsed here, so the result does not depend on the caller's type parsers,
// session time zone or 64-bit integer handling.
const ROW_COLUMNS = `id::text, chain, seq::text, service, actor, action, resource, reason, rule, evidence::text,
  correlation_id, causation_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  payload::text, prev_hash, hash`;
const FIRST_PAGE = `SELECT ${ROW_COLUMNS} FROM audit_log WHERE chain = $1 ORDER BY audit_log.seq LIMIT $2`;
const NEXT_PAGE = `SELECT ${ROW_COLUMNS} FROM audit_log WHERE chain = $1 AND seq > $3::bigint ORDER BY audit_log.seq LIMIT $2`;

// Distinct chains through the (chain, seq) index one chain at a time (a loose index scan), not by reading
// every row; plus heads whose rows are all gone.
const LIST_CHAINS = `
WITH RECURSIVE logged(chain) AS (
  SELECT min(chain) FROM audit_log
  UNION ALL
  SELECT (SELECT min(l.chain) FROM audit_log l WHERE l.chain > logged.chain) FROM logged WHERE logged.chain IS NOT NULL
)
SELECT chain FROM logged WHERE chain IS NOT NULL
UNION
SELECT chain FROM audit_chain_head
ORDER BY chain`;

/**
 * Walks every chain in seq order with keyset pagination, recomputes every hash and compares each chain's
 * end with its head. Each chain is read in one REPEATABLE READ snapshot, so appends committing meanwhile
 * (rows and head move together) never look like tampering.
 */
export class AuditVerifier {
  private readonly client: Client | Pool;

  constructor(options: AuditVerifierOptions) {
    this.client = options.client;
  }

  async verify(options: VerifyOptions = {}): Promise<VerifyResult> {
    const batchSize = options.batchSize ?? 1000;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
      throw new AuditError(
        'AUDIT_INVALID_OPTIONS',
        `Audit verify batchSize must be 1–100000, got ${batchSize}`,
      );
    }
    const pooled = isPool(this.client);
    const connection = pooled ? await this.checkout(this.client) : this.client;
    try {
      const chains = await this.listChains(connection, options.chain, options.anchors);
      const anchoredChains = chains.filter((chain) => options.anchors?.has(chain)).length;
      const result: VerifyResult = { ok: true, rows: 0, chains: chains.length, anchoredChains, problems: [] };
      for (const chain of chains) {
        const walker = await this.verifyChain(connection, chain, batchSize, options, result.rows);
        result.rows += walker.rows;
        result.problems.push(...walker.problems);
      }
      result.ok = result.problems.length === 0;
      return result;
    } finally {
      if (pooled) (connection as PoolClient).release();
    }
  }

  private async checkout(pool: Pool): Promise<PoolClient> {
    try {
      return await pool.connect();
    } catch (error) {
      throw readFailure(error, 'connect to the database');
    }
  }

  private async listChains(
    connection: Client,
    only: string | undefined,
    anchors: ReadonlyMap<string, AuditAnchor> | undefined,
  ): Promise<string[]> {
    try {
      if (only === undefined) {
        const listed = (await connection.query<{ chain: string }>(LIST_CHAINS)).rows.map((r) => r.chain);
        // A chain whose rows and head are all gone survives only as its anchor.
        return [...new Set([...listed, ...(anchors?.keys() ?? [])])].sort();
      }
      if (anchors?.has(only)) return [only];
      const found = await connection.query(
        `SELECT 1 FROM audit_chain_head WHERE chain = $1 UNION ALL (SELECT 1 FROM audit_log WHERE chain = $1 LIMIT 1)`,
        [only],
      );
      return found.rowCount ? [only] : [];
    } catch (error) {
      throw readFailure(error, 'list the chains');
    }
  }

  private async verifyChain(
    connection: Client,
    chain: string,
    batchSize: number,
    options: VerifyOptions,
    rowsBefore: number,
  ): Promise<AuditChainWalker> {
    const walker = new AuditChainWalker(chain, {
      allProblems: options.allProblems,
      anchor: options.anchors?.get(chain),
      findSeqByHash: async (hash) => {
        const found = await connection.query<{ seq: string }>(
          'SELECT seq::text AS seq FROM audit_log WHERE chain = $1 AND hash = $2 ORDER BY audit_log.seq LIMIT 1',
          [chain, hash],
        );
        return found.rows[0] ? BigInt(found.rows[0].seq) : undefined;
      },
    });
    try {
      await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const headRow = await connection.query<{ seq: string; hash: string }>(
        'SELECT seq::text AS seq, hash FROM audit_chain_head WHERE chain = $1',
        [chain],
      );
      const head: ChainHead | undefined = headRow.rows[0]
        ? { seq: BigInt(headRow.rows[0].seq), hash: headRow.rows[0].hash }
        : undefined;
      let after: string | undefined;
      while (!walker.done) {
        const page =
          after === undefined
            ? await connection.query<RowText>(FIRST_PAGE, [chain, batchSize])
            : await connection.query<RowText>(NEXT_PAGE, [chain, batchSize, after]);
        const rows = page.rows;
        for (const row of rows) {
          await walker.visit(toRecord(row));
          if (walker.done) break;
        }
        if (rows.length > 0) options.onProgress?.(rowsBefore + walker.rows);
        if (rows.length < batchSize) break;
        after = rows[rows.length - 1].seq;
      }
      walker.finish(head);
      await connection.query('COMMIT');
      return walker;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw readFailure(error, `verify chain ${chain}`);
    }
  }
}

/** Verifies the audit log through a pg client or pool; see AuditVerifier. */
export function verifyAuditLog(client: Client | Pool, options: VerifyOptions = {}): Promise<VerifyResult> {
  return new AuditVerifier({ client }).verify(options);
}

function isPool(client: Client | Pool): client is Pool {
  return typeof (client as Pool).totalCount === 'number';
}

function toRecord(row: RowText): AuditRecord {
  return {
    id: row.id,
    chain: row.chain,
    seq: BigInt(row.seq),
    service: row.service,
    actor: row.actor,
    action: row.action,
    resource: row.resource,
    reason: row.reason,
    rule: row.rule,
    evidenceJson: row.evidence === null ? null : recanonicalize(row.evidence),
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    occurredAt: row.occurred_at,
    payloadJson: recanonicalize(row.payload),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * jsonb prints members in its own order and numbers in its own notation; parsing and re-canonicalizing
 * gives back the text that was hashed. A value the appender would have refused (a number beyond double
 * range, nesting past its limit: written in by hand) stays as it is, matches no hash, and reports the row
 * as edited.
 */
function recanonicalize(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return text;
  }
}

function readFailure(error: unknown, what: string): AuditError {
  if (error instanceof AuditError) return error;
  return new AuditError(
    'AUDIT_VERIFY_FAILED',
    `Audit verification could not ${what}: ${(error as Error).message}`,
    {
      cause: error,
      retryable: true,
    },
  );
}
