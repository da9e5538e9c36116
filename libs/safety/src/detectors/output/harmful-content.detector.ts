import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding, HazardCode } from '../../types';
import { HAZARDS } from '../../types';
import { cue, evidence, originalSpan, scanCues, sigmoid, type Cue } from '../attack/cue-scanner';
import { CONTEXT_CUES, findActs } from '../attack/harmful-request.detector';

/**
 * What makes a response operational rather than a mention: numbered steps, quantities with units,
 * procedural verbs, code. A model that explains why sarin is dangerous mentions the act; one that lists
 * precursors and temperatures delivers it.
 */
const OPERATIONAL_CUES: readonly Cue[] = [
  cue(
    'output.steps',
    'steps',
    1.6,
    [],
    /(?:^|\n|\. )\s*(?:step\s*)?(?:[1-9]|1\d)[.):]\s+\S[^\n]{8,}(?:\n|\. )\s*(?:step\s*)?(?:[2-9]|1\d)[.):]\s+\S/,
    'gives numbered steps',
  ),
  cue(
    'output.sequence',
    'steps',
    1.2,
    ['first', 'then', 'next', 'finally', 'after that'],
    /\b(?:first|to start|begin by)\b[^.]{4,120}\.\s[^.]{0,40}\b(?:then|next|after that|once (?:it|that|this) is)\b/,
    'describes a procedure in order',
  ),
  cue(
    'output.quantities',
    'quantities',
    1.0,
    [],
    /\b\d+(?:[.,]\d+)?\s?(?:mg|g|grams?|kg|ml|millilit(?:er|re)s?|l|lit(?:er|re)s?|oz|ounces?|lbs?|pounds?|%|percent|degrees|°\s?[cf]|minutes|hours|parts)\b[^.\n]{0,80}\b\d+(?:[.,]\d+)?\s?(?:mg|g|grams?|kg|ml|l|oz|lbs?|%|degrees|°\s?[cf]|minutes|hours|parts)\b/,
    'gives quantities or conditions',
  ),
  cue(
    'output.procedure_verbs',
    'procedure',
    0.8,
    [],
    /\b(?:mix|combine|dissolve|heat|boil|distil+|filter|grind|attach|wire|connect|pack|seal|ignite|install|inject|run|execute|download|deploy|compile|obtain|purchase|order)\b[^.\n]{0,60}\b(?:then|and|until|with|into)\b/,
    'uses procedural instructions',
  ),
  cue('output.code', 'code', 0.8, ['```'], /```[\s\S]{20,}?```/, 'contains code'),
  cue(
    'output.concealment',
    'concealment',
    1.2,
    [],
    /\b(?:so (?:that )?(?:the victim|they|nobody|no one|he|she) (?:does not|doesn['’]t|won['’]t|will not|cannot|can['’]t) (?:notice|find out|see it|trace it)|without (?:being (?:detected|caught|traced)|(?:them|anyone|the victim) (?:knowing|noticing))|(?:avoid|evade) (?:detection|antivirus|the police)|cover your tracks)\b/,
    'tells how to avoid being noticed',
  ),
];

/** A response that declines, warns or redirects is the opposite of delivering the harm. */
const REFUSAL_CUES: readonly Cue[] = [
  cue(
    'output.refusal',
    'refusal',
    -3.5,
    [],
    /\b(?:i (?:can(?:no|['’])t|cannot|won['’]t|will not|am not able to|['’]m not able to|must decline to|have to decline to) (?:help|assist|provide|share|give|explain|write|create|do that|support)|i['’]m sorry,? but (?:i|that)|(?:that|this) (?:request )?(?:isn['’]t|is not) something i can|i (?:don['’]t|do not) (?:provide|give|help with))\b/,
    'declines the request',
  ),
  cue(
    'output.warning',
    'warning',
    -2.0,
    [],
    /\b(?:never (?:mix|combine|try|attempt|do)|do not (?:mix|combine|try|attempt)|(?:call|contact) (?:emergency services|911|999|112|poison control|a doctor|a crisis line)|seek (?:immediate )?(?:medical|professional) help|if you (?:or someone you know )?(?:are|is) (?:in crisis|thinking about))\b/,
    'warns against it or points to help',
  ),
];

const BIAS = -3.6;
/** Log-odds against a response that mentions a hazard with no steps, quantities, procedure or code. */
const MENTION_ONLY = 1.2;
const REPORT_FLOOR = 0.2;

/**
 * Harmful content in a model's response, by MLCommons hazard: a hazard act or concept delivered with the
 * shape of instructions (steps, quantities, procedures, code), scored down for the same defensive,
 * historical, legal and medical contexts as requests, and strongly for refusals and warnings. It is what
 * catches a jailbreak that got past the input check: the response carries the uplift.
 */
export class HarmfulContentDetector implements Detector {
  readonly id = 'harmful.content';
  readonly directions: readonly Direction[] = ['output'];

  detect(text: AnalyzedText, _context: AnalysisContext): Finding[] {
    const normalized = text.normalized;
    const acts = findActs(normalized);
    if (acts.length === 0) return [];
    const shape = evidence(scanCues(normalized, OPERATIONAL_CUES, 1));
    const tempering = evidence(scanCues(normalized, [...CONTEXT_CUES, ...REFUSAL_CUES], 1));
    const best = new Map<HazardCode, (typeof acts)[number]>();
    for (const act of acts) {
      const held = best.get(act.hazard);
      if (!held || act.weight > held.weight) best.set(act.hazard, act);
    }
    const findings: Finding[] = [];
    for (const [hazard, act] of best) {
      // A response that only names the hazard, without any operational shape, is talking about it.
      const delivered = shape > 0 ? Math.min(shape, 3) : -MENTION_ONLY;
      const score = sigmoid(BIAS + act.weight + delivered + tempering);
      if (score < REPORT_FLOOR) continue;
      findings.push({
        detector: 'harmful.content',
        category: `harmful:${hazard}`,
        score,
        span: originalSpan(text, act.start, act.end),
        reason: `response about ${HAZARDS[hazard].replace(/_/g, ' ')} (${hazard})${shape > 0 ? ' with operational detail' : ''}${tempering < 0 ? ', tempered by context or a refusal' : ''}`,
      });
    }
    return findings.sort((a, b) => b.score - a.score);
  }
}
