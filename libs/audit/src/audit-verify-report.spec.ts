import { formatVerifyReport } from './audit-verify-report';

describe('formatVerifyReport', () => {
  it('prints one OK line for an intact log', () => {
    expect(formatVerifyReport({ ok: true, rows: 12345, chains: 24, anchoredChains: 0, problems: [] })).toBe(
      'OK: 12345 entries in 24 chains verified',
    );
    expect(formatVerifyReport({ ok: true, rows: 1, chains: 1, anchoredChains: 0, problems: [] })).toBe(
      'OK: 1 entry in 1 chain verified',
    );
  });

  it('says how many chains were also checked against their anchors outside the database', () => {
    expect(formatVerifyReport({ ok: true, rows: 40, chains: 3, anchoredChains: 2, problems: [] })).toBe(
      'OK: 40 entries in 3 chains verified; 2 chains match their anchors outside the database',
    );
    expect(formatVerifyReport({ ok: true, rows: 4, chains: 1, anchoredChains: 1, problems: [] })).toBe(
      'OK: 4 entries in 1 chain verified; 1 chain matches its anchor outside the database',
    );
  });

  it('prints a TAMPERED line per problem and a summary', () => {
    const text = formatVerifyReport({
      ok: false,
      rows: 300,
      chains: 4,
      anchoredChains: 0,
      problems: [
        {
          chain: 'guardrail:2',
          seq: 17n,
          kind: 'edited',
          detail: 'content hashes to aaa…, stored hash is bbb…',
        },
        {
          chain: 'incident:0',
          seq: 3n,
          kind: 'truncated',
          detail: 'the chain ends at seq 2 but its head is at seq 9',
        },
      ],
    });
    expect(text.split('\n')).toEqual([
      'TAMPERED: chain guardrail:2 at seq 17: edited (content hashes to aaa…, stored hash is bbb…)',
      'TAMPERED: chain incident:0 at seq 3: truncated (the chain ends at seq 2 but its head is at seq 9)',
      '2 problems in 2 of 4 chains; 300 entries checked',
    ]);
  });
});
