import type { VerifyResult } from './audit-verifier';

/**
 * The text `rampart audit verify` prints: one OK line, or one TAMPERED line per problem followed by a
 * summary, so an operator sees at once which chain to investigate from which entry on.
 */
export function formatVerifyReport(result: VerifyResult): string {
  const scope = `${result.rows} ${plural(result.rows, 'entry', 'entries')} in ${result.chains} ${plural(result.chains, 'chain', 'chains')}`;
  if (result.ok) {
    const anchored = result.anchoredChains
      ? `; ${result.anchoredChains} ${plural(result.anchoredChains, 'chain matches its anchor', 'chains match their anchors')} outside the database`
      : '';
    return `OK: ${scope} verified${anchored}`;
  }
  const lines = result.problems.map(
    (p) => `TAMPERED: chain ${p.chain} at seq ${p.seq}: ${p.kind} (${p.detail})`,
  );
  const broken = new Set(result.problems.map((p) => p.chain)).size;
  lines.push(
    `${result.problems.length} ${plural(result.problems.length, 'problem', 'problems')} in ${broken} of ${result.chains} ${plural(result.chains, 'chain', 'chains')}; ${result.rows} ${plural(result.rows, 'entry', 'entries')} checked`,
  );
  return lines.join('\n');
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
