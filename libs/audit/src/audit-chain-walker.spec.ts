import { AuditChainWalker } from './audit-chain-walker';
import { computeEntryHash, GENESIS_HASH, type ChainHead } from './audit-chain';
import type { AuditRecord } from './audit-entry';

const CHAIN = 'guardrail:1';

function buildChain(length: number): AuditRecord[] {
  const rows: AuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= length; i++) {
    const row: AuditRecord = {
      id: `01936f4e-8a00-7000-8000-${String(i).padStart(12, '0')}`,
      chain: CHAIN,
      seq: BigInt(i),
      service: 'guardrail',
      actor: 'user:1',
      action: 'policy.updated',
      resource: `policy:${i}`,
      reason: null,
      rule: null,
      evidenceJson: null,
      correlationId: `corr-${i}`,
      causationId: null,
      occurredAt: '2026-11-23T08:15:00.000Z',
      payloadJson: `{"n":${i}}`,
      prevHash,
      hash: '',
    };
    row.hash = computeEntryHash(prevHash, row);
    prevHash = row.hash;
    rows.push(row);
  }
  return rows;
}

function headOf(rows: AuditRecord[]): ChainHead {
  const last = rows[rows.length - 1];
  return { seq: last.seq, hash: last.hash };
}

/** Rehashes a row after its content changed, as a forger who knows the format would. */
function rehash(row: AuditRecord): AuditRecord {
  const copy = { ...row };
  copy.hash = computeEntryHash(copy.prevHash, copy);
  return copy;
}

async function walk(rows: AuditRecord[], head: ChainHead | undefined, allProblems = false) {
  const walker = new AuditChainWalker(CHAIN, {
    allProblems,
    findSeqByHash: async (hash) => rows.find((r) => r.hash === hash)?.seq,
  });
  for (const row of [...rows].sort((a, b) => (a.seq < b.seq ? -1 : 1))) {
    if (walker.done) break;
    await walker.visit(row);
  }
  walker.finish(head);
  return walker;
}

describe('AuditChainWalker', () => {
  it('finds nothing wrong with an intact chain, and counts its rows', async () => {
    const rows = buildChain(10);
    const walker = await walk(rows, headOf(rows));
    expect(walker.problems).toEqual([]);
    expect(walker.rows).toBe(10);
  });

  it('accepts a head at seq 0 with no rows (created and never used)', async () => {
    expect((await walk([], { seq: 0n, hash: GENESIS_HASH })).problems).toEqual([]);
  });

  it('reports an edited row as edited at its seq, and only that row', async () => {
    const rows = buildChain(10);
    const head = headOf(rows);
    rows[4] = { ...rows[4], actor: 'user:evil' };
    expect((await walk(rows, head, true)).problems).toEqual([
      { chain: CHAIN, seq: 5n, kind: 'edited', detail: expect.stringContaining('stored hash is') },
    ]);
  });

  it('reports an edited JSON payload and an edited prev_hash as edited', async () => {
    const rows = buildChain(5);
    const head = headOf(rows);
    const payloadEdited = [...rows];
    payloadEdited[2] = { ...rows[2], payloadJson: '{"n":33}' };
    expect((await walk(payloadEdited, head)).problems).toMatchObject([{ seq: 3n, kind: 'edited' }]);
    const linkEdited = [...rows];
    linkEdited[2] = { ...rows[2], prevHash: 'a'.repeat(64) };
    expect((await walk(linkEdited, head)).problems).toMatchObject([{ seq: 3n, kind: 'edited' }]);
  });

  it('reports a deleted row in the middle as deleted at the missing seq', async () => {
    const rows = buildChain(10);
    const head = headOf(rows);
    rows.splice(6, 1);
    expect((await walk(rows, head, true)).problems).toEqual([
      { chain: CHAIN, seq: 7n, kind: 'deleted', detail: 'seq 7 missing: the chain jumps to seq 8' },
    ]);
  });

  it('reports deleted first rows and a range of deleted rows', async () => {
    const rows = buildChain(10);
    const head = headOf(rows);
    expect((await walk(rows.slice(2), head)).problems).toMatchObject([{ seq: 1n, kind: 'deleted' }]);
    const gap = [...rows.slice(0, 3), ...rows.slice(6)];
    expect((await walk(gap, head)).problems).toEqual([
      expect.objectContaining({
        seq: 4n,
        kind: 'deleted',
        detail: 'seqs 4–6 missing: the chain jumps to seq 7',
      }),
    ]);
  });

  it('reports two swapped rows as reordered at the first of them', async () => {
    const rows = buildChain(10);
    const head = headOf(rows);
    const a = rows[4];
    const b = rows[5];
    rows[4] = { ...b, seq: 5n };
    rows[5] = { ...a, seq: 6n };
    expect((await walk(rows, head)).problems).toEqual([
      { chain: CHAIN, seq: 5n, kind: 'reordered', detail: 'links to the entry at seq 6 instead of seq 4' },
    ]);
  });

  it('reports a row deleted with the later rows renumbered to close the gap as edited (their seq is hashed)', async () => {
    const rows = buildChain(6);
    const head = headOf(rows);
    const renumbered = [...rows.slice(0, 2), ...rows.slice(3).map((r) => ({ ...r, seq: r.seq - 1n }))];
    expect((await walk(renumbered, head)).problems).toMatchObject([{ seq: 3n, kind: 'edited' }]);
  });

  it('reports a row rewritten with a recomputed hash as its original being deleted, seen from the next row', async () => {
    const rows = buildChain(6);
    const head = headOf(rows);
    rows[2] = rehash({ ...rows[2], actor: 'user:evil' });
    expect((await walk(rows, head)).problems).toEqual([
      expect.objectContaining({
        seq: 3n,
        kind: 'deleted',
        detail: expect.stringContaining('seq 3 was deleted and replaced'),
      }),
    ]);
  });

  it('reports a truncated tail at the first missing seq', async () => {
    const rows = buildChain(10);
    expect((await walk(rows.slice(0, 7), headOf(rows))).problems).toEqual([
      {
        chain: CHAIN,
        seq: 8n,
        kind: 'truncated',
        detail: 'the chain ends at seq 7 but its head is at seq 10',
      },
    ]);
  });

  it('reports a head whose rows are all gone as truncated from seq 1', async () => {
    const rows = buildChain(3);
    expect((await walk([], headOf(rows))).problems).toEqual([
      {
        chain: CHAIN,
        seq: 1n,
        kind: 'truncated',
        detail: 'the chain has no entries but its head is at seq 3',
      },
    ]);
  });

  it('reports rows past the head, and a rewritten last row, as head mismatches', async () => {
    const rows = buildChain(5);
    expect((await walk(rows, { seq: 4n, hash: rows[3].hash })).problems).toMatchObject([
      { seq: 5n, kind: 'head-mismatch' },
    ]);
    const lastRewritten = [...rows.slice(0, 4), rehash({ ...rows[4], actor: 'user:evil' })];
    expect((await walk(lastRewritten, headOf(rows))).problems).toMatchObject([
      { seq: 5n, kind: 'head-mismatch' },
    ]);
  });

  it('reports rows without a chain head as an orphan chain', async () => {
    expect((await walk(buildChain(3), undefined)).problems).toEqual([
      { chain: CHAIN, seq: 1n, kind: 'orphan', detail: '3 entries up to seq 3 but no chain head' },
    ]);
  });

  it('reports a row before seq 1 as an orphan and still checks the rest', async () => {
    const rows = buildChain(3);
    const stray = { ...rows[0], seq: 0n, id: '01936f4e-8a00-7000-8000-999999999999' };
    expect((await walk([stray, ...rows], headOf(rows), true)).problems).toMatchObject([
      { seq: 0n, kind: 'orphan' },
    ]);
  });

  it('stops at the first problem unless asked for all of them', async () => {
    const rows = buildChain(10);
    const head = headOf(rows);
    rows[1] = { ...rows[1], actor: 'x' };
    rows[7] = { ...rows[7], actor: 'y' };
    const first = await walk(rows, head);
    expect(first.problems.map((p) => p.seq)).toEqual([2n]);
    expect(first.done).toBe(true);
    const all = await walk(rows.slice(0, 9), head, true);
    expect(all.problems.map((p) => [p.seq, p.kind])).toEqual([
      [2n, 'edited'],
      [8n, 'edited'],
      [10n, 'truncated'],
    ]);
  });
});

describe('AuditChainWalker against an anchor outside the database', () => {
  async function walkAnchored(rows: AuditRecord[], head: ChainHead | undefined, anchor: ChainHead) {
    const walker = new AuditChainWalker(CHAIN, {
      anchor,
      findSeqByHash: async (hash) => rows.find((r) => r.hash === hash)?.seq,
    });
    for (const row of rows) await walker.visit(row);
    walker.finish(head);
    return walker;
  }

  /** What someone who can rewrite the whole database does: change an entry and recompute all after it. */
  function recomputeFrom(rows: AuditRecord[], index: number, change: Partial<AuditRecord>): AuditRecord[] {
    const result = rows.map((row) => ({ ...row }));
    result[index] = { ...result[index], ...change };
    for (let i = index; i < result.length; i++) {
      if (i > 0) result[i].prevHash = result[i - 1].hash;
      result[i] = rehash(result[i]);
    }
    return result;
  }

  it('accepts a chain that reaches its anchor with the anchored hash, and grew since', async () => {
    const rows = buildChain(8);
    const walker = await walkAnchored(rows, headOf(rows), { seq: 5n, hash: rows[4].hash });
    expect(walker.problems).toEqual([]);
  });

  it('reports a chain cut back before its anchor, even with the head reset to match', async () => {
    const rows = buildChain(8);
    const anchor = headOf(rows);
    const cut = rows.slice(0, 5);
    const [problem] = (await walkAnchored(cut, headOf(cut), anchor)).problems;
    expect(problem).toMatchObject({ seq: 6n, kind: 'truncated' });
    expect(problem.detail).toMatch(/anchored outside the database at seq 8/);
  });

  it('reports a chain rewritten with recomputed hashes, which the hashes alone cannot catch', async () => {
    const rows = buildChain(8);
    const anchor = { seq: 6n, hash: rows[5].hash };
    const forged = recomputeFrom(rows, 2, { actor: 'someone-else' });
    const unanchored = await walk(forged, headOf(forged));
    expect(unanchored.problems).toEqual([]);
    const [problem] = (await walkAnchored(forged, headOf(forged), anchor)).problems;
    expect(problem).toMatchObject({ seq: 6n, kind: 'rewritten' });
  });

  it('reports a chain whose rows and head are all gone but which was anchored', async () => {
    const rows = buildChain(3);
    const [problem] = (await walkAnchored([], undefined, headOf(rows))).problems;
    expect(problem).toMatchObject({ seq: 1n, kind: 'truncated' });
    expect(problem.detail).toMatch(/has no entries but was anchored/);
  });
});
