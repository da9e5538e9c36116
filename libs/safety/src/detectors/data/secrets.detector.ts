import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { round } from './data-finding';
import { findAssignedCredentials } from './generic-credential';
import { SECRET_RULES, type SecretMatch, type SecretRule } from './secret-rules';

/**
 * Credentials: provider keys and tokens in their real formats (with checksums where the format has one),
 * private keys, passwords in connection strings, and high-entropy values assigned to credential-like names.
 * Reads the original text: credentials are case-sensitive and folding would corrupt them. Where matches
 * overlap, the more certain one is kept (a GitHub token assigned to `GITHUB_TOKEN=` is one finding).
 */
export class SecretsDetector implements Detector {
  readonly id = 'secret';
  readonly directions: readonly Direction[] = ['input', 'output'];

  detect(text: AnalyzedText, _context?: AnalysisContext): Finding[] {
    return findSecrets(text.original).map((match) => ({
      detector: `secret.${match.kind}`,
      category: 'secret',
      score: round(match.score),
      span: { start: match.start, end: match.end },
      reason: match.reason,
      redaction: `SECRET:${match.label}`,
    }));
  }
}

/** Every rule's hints in one expression: one read of the text tells which rules can match at all. */
const HINTS = new Map<string, SecretRule[]>();
for (const rule of SECRET_RULES)
  for (const hint of rule.hints) HINTS.set(hint, [...(HINTS.get(hint) ?? []), rule]);
const TRIGGER = new RegExp(
  [...HINTS.keys()].map((hint) => hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'g',
);

function activeRules(text: string): Set<SecretRule> {
  const active = new Set<SecretRule>();
  TRIGGER.lastIndex = 0;
  for (let hint = TRIGGER.exec(text); hint; hint = TRIGGER.exec(text)) {
    for (const rule of HINTS.get(hint[0])!) active.add(rule);
    if (active.size === SECRET_RULES.length) break;
  }
  return active;
}

function* scanAll(pattern: RegExp, text: string): Iterable<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) yield match;
}

export function findSecrets(text: string): SecretMatch[] {
  const candidates: SecretMatch[] = [];
  for (const rule of activeRules(text)) {
    for (const match of rule.find ? rule.find(text) : scanAll(rule.pattern, text)) {
      const assessment = rule.assess(match, text);
      if (!assessment) continue;
      candidates.push({
        kind: rule.kind,
        label: rule.label,
        start: assessment.start ?? match.index,
        end: assessment.end ?? match.index + match[0].length,
        score: assessment.score,
        reason: assessment.reason,
      });
    }
  }
  candidates.push(...findAssignedCredentials(text));
  // Specific formats before generic ones, then by certainty: the first of overlapping matches wins.
  candidates.sort((a, b) => Number(isGeneric(a)) - Number(isGeneric(b)) || b.score - a.score);
  const kept: SecretMatch[] = [];
  for (const candidate of candidates)
    if (!kept.some((other) => candidate.start < other.end && other.start < candidate.end))
      kept.push(candidate);
  return kept.sort((a, b) => a.start - b.start);
}

function isGeneric(match: SecretMatch): boolean {
  return (
    match.kind === 'generic_credential' || match.kind === 'password' || match.kind === 'authorization_header'
  );
}
