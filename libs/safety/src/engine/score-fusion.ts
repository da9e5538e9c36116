import type { AnalysisContext, AnalyzedText, Category, CategoryScore, Finding } from '../types';

export interface FusedScore {
  score: number;
  categories: CategoryScore[];
  /**
   * Evidence for the categories fusion itself establishes (evasion, escalation across turns), which no
   * single detector reports, so that a policy principle covering them has a finding to point at.
   */
  findings: Finding[];
}

export interface FusionOptions {
  /**
   * How far the learned model is trusted on its own: its log-odds are scaled by this and shifted by
   * `modelShift` before fusion. The model is trained on synthetic text, so on unfamiliar benign text it
   * can be overconfident; rules then have to corroborate it.
   */
  modelTemperature: number;
  /** Per attack family: the model is trusted a little less where its training data is thinnest. */
  modelShift: Readonly<Record<Family, number>>;
  /** Share of the weaker source's evidence (above the prior) added to the stronger's. */
  corroboration: number;
  /** Log-odds of an attack before any evidence: what "no opinion" means for a detector. */
  prior: number;
  /** How much evasion raises a text that already looks like an attack. */
  evasionWeight: number;
  /** How much risk carried over from earlier turns raises a text that looks somewhat risky. */
  priorRiskWeight: number;
}

export const DEFAULT_FUSION: FusionOptions = {
  modelTemperature: 1,
  modelShift: { injection: -0.5, jailbreak: -0.25, harm: 0 },
  corroboration: 0.5,
  prior: -2,
  evasionWeight: 0.5,
  priorRiskWeight: 0.5,
};

/** The detector names under which the learned model reports. */
const MODEL_DETECTOR = 'model.ngram';
/** A text must look at least this risky before evasion or earlier turns can raise it. */
const RAISE_FROM = 0.2;

/**
 * Combines findings into per-category scores and one overall score:
 * 1. Per category, rule-based detectors and the learned model are two sources: the stronger counts fully and
 *    the weaker adds part of its evidence above the prior, so agreement raises confidence while either alone
 *    still decides when it is sure.
 * 2. A jailbreak wrapped around a harmful request is worse than either: the second-highest attack family
 *    adds a share of its score to the highest.
 * 3. Evasion (invisible characters, hidden tag text, encoded payloads) raises a text that already looks like
 *    an attack, and is itself reported as a category.
 * 4. Risk carried over from earlier turns raises a text that looks somewhat risky (a crescendo).
 */
export function fuseScores(
  findings: readonly Finding[],
  text: AnalyzedText,
  context: AnalysisContext,
  options: FusionOptions = DEFAULT_FUSION,
): FusedScore {
  const rules = new Map<Category, number>();
  const model = new Map<Family, { category: Category; score: number }>();
  for (const finding of findings) {
    const family = familyOf(finding.category);
    if (finding.detector === MODEL_DETECTOR && family) {
      const best = model.get(family);
      if (!best || finding.score > best.score)
        model.set(family, { category: finding.category, score: finding.score });
    } else rules.set(finding.category, Math.max(rules.get(finding.category) ?? 0, finding.score));
  }
  const modelLogit = (family: Family) => {
    const learned = model.get(family);
    return learned === undefined
      ? options.prior
      : logit(learned.score) * options.modelTemperature + options.modelShift[family];
  };
  const categories = new Map<Category, number>();
  const covered = new Set<Family>();
  // The model speaks for a whole family (it has one head per family), so it corroborates each of the
  // family's categories that a rule found; where no rule found anything, it stands alone.
  for (const [category, rule] of rules) {
    const family = familyOf(category);
    if (!family) {
      categories.set(category, rule);
      continue;
    }
    covered.add(family);
    categories.set(category, combine(logit(rule), modelLogit(family), options));
  }
  for (const [family, learned] of model)
    if (!covered.has(family)) categories.set(learned.category, sigmoid(modelLogit(family)));

  const attacks = [...categories.entries()].filter(([category]) => isAttack(category)).map(([, s]) => s);
  attacks.sort((a, b) => b - a);
  let score = Math.max(0, ...categories.values());
  if (attacks.length >= 2 && familyCount(categories) >= 2) score = score + (1 - score) * attacks[1] * 0.35;

  const made: Finding[] = [];
  const evasion = evasionScore(text, findings);
  if (evasion > 0) {
    categories.set('evasion', Math.max(categories.get('evasion') ?? 0, evasion));
    if (score >= RAISE_FROM) score = score + (1 - score) * evasion * options.evasionWeight;
    score = Math.max(score, evasion);
    made.push({
      detector: 'fusion.evasion',
      category: 'evasion',
      score: categories.get('evasion')!,
      reason: evasionReason(text, findings),
    });
  }

  // Only steps toward an attack or a harm escalate: sharing an e-mail address and then a phone number in
  // a support chat is redacted each time, not a crescendo.
  const prior = context.priorRisk ?? 0;
  const toward = attacks[0] ?? 0;
  if (prior > 0 && toward >= RAISE_FROM) {
    const before = toward;
    const raised = toward + (1 - toward) * prior * options.priorRiskWeight;
    categories.set('multi_turn_escalation', raised);
    score = Math.max(score, raised);
    made.push({
      detector: 'fusion.conversation',
      category: 'multi_turn_escalation',
      score: raised,
      reason: `this turn scores ${before.toFixed(2)} on its own; the conversation's earlier turns carry risk ${prior.toFixed(2)}, which raises it to ${raised.toFixed(2)}`,
    });
  }

  return {
    findings: made,
    score,
    categories: [...categories.entries()]
      .map(([category, s]) => ({ category, score: s }))
      .sort((a, b) => b.score - a.score),
  };
}

/**
 * Evasion on its own is suspicious but not damning (zero-width characters also come from copy-paste); it
 * weighs more when it hides text (Unicode tag characters) or when what it hid turned out to be an attack.
 */
export function evasionScore(text: AnalyzedText, findings: readonly Finding[]): number {
  const signals = text.signals;
  let score = 0;
  if (signals.tagText && signals.tagText.length >= 8) score = Math.max(score, 0.7);
  else if (signals.tagText) score = Math.max(score, 0.2);
  if (signals.invisibleChars >= 3) score = Math.max(score, 0.3);
  const length = Math.max(1, text.normalized.length);
  if (signals.foldedChars >= 4 && signals.foldedChars / length > 0.04) score = Math.max(score, 0.3);
  if (text.decoded.length > 0) score = Math.max(score, 0.25);
  // An attack found only inside an encoded payload: the encoding was there to hide it.
  const hidden = findings.some((f) => f.detector.includes('@') && isAttack(f.category) && f.score >= 0.5);
  if (hidden) score = Math.max(score, 0.6);
  return score;
}

/** The evasion behind the score, in words: what was hidden and how. */
function evasionReason(text: AnalyzedText, findings: readonly Finding[]): string {
  const parts: string[] = [];
  const { signals } = text;
  if (findings.some((f) => f.detector.includes('@') && isAttack(f.category) && f.score >= 0.5))
    parts.push('an attack was found only inside an encoded or disguised payload');
  if (signals.tagText) parts.push(`${signals.tagText.length} characters hidden in Unicode tag characters`);
  if (signals.invisibleChars > 0)
    parts.push(`${signals.invisibleChars} invisible or bidi control characters`);
  if (signals.foldedChars > 0) parts.push(`${signals.foldedChars} look-alike or leetspeak characters`);
  const encodings = [...new Set(text.decoded.map((d) => d.encoding))];
  if (encodings.length > 0) parts.push(`encoded text (${encodings.join(', ')})`);
  return `text hides its content: ${parts.join('; ') || 'obfuscation'}`;
}

export type Family = 'injection' | 'jailbreak' | 'harm';

function familyOf(category: Category): Family | undefined {
  if (category.startsWith('harmful:')) return 'harm';
  if (category === 'jailbreak') return 'jailbreak';
  if (
    category === 'prompt_injection' ||
    category === 'indirect_injection' ||
    category === 'system_prompt_extraction'
  )
    return 'injection';
  return undefined;
}

/** The stronger source counts fully; the weaker adds part of its evidence above the prior. */
function combine(a: number, b: number, options: FusionOptions): number {
  const strong = Math.max(a, b);
  const weak = Math.min(a, b);
  return sigmoid(strong + options.corroboration * Math.max(0, weak - options.prior));
}

function isAttack(category: Category): boolean {
  return familyOf(category) !== undefined;
}

/** How many of the three attack families (injection, jailbreak, harm) have a category over the line. */
function familyCount(categories: ReadonlyMap<Category, number>): number {
  const families = new Set<string>();
  for (const [category, score] of categories) {
    if (score < RAISE_FROM || !isAttack(category)) continue;
    families.add(familyOf(category)!);
  }
  return families.size;
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
