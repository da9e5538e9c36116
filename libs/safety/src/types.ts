/**
 * The vocabulary shared by the normaliser, the detectors, the scorer and the policy engine. Offsets are
 * UTF-16 code-unit offsets into the ORIGINAL text (what the caller sent), so evidence can be shown and
 * redactions applied to exactly what was received.
 */
export type Direction = 'input' | 'output';

export interface Span {
  start: number;
  end: number;
}

/** MLCommons AI Safety / Llama Guard 3 hazard taxonomy. */
export const HAZARDS = {
  S1: 'violent_crimes',
  S2: 'non_violent_crimes',
  S3: 'sex_related_crimes',
  S4: 'child_sexual_exploitation',
  S5: 'defamation',
  S6: 'specialized_advice',
  S7: 'privacy',
  S8: 'intellectual_property',
  S9: 'indiscriminate_weapons',
  S10: 'hate',
  S11: 'suicide_self_harm',
  S12: 'sexual_content',
  S13: 'elections',
  S14: 'code_interpreter_abuse',
} as const;
export type HazardCode = keyof typeof HAZARDS;

/**
 * What a finding is about. `harmful:<Sx>` categories name the hazard; the others are attack techniques or
 * data that must not pass.
 */
export type Category =
  | 'prompt_injection'
  | 'indirect_injection'
  | 'system_prompt_extraction'
  | 'jailbreak'
  | 'evasion'
  | 'pii'
  | 'secret'
  | 'system_prompt_leak'
  | 'unsafe_markup'
  | 'multi_turn_escalation'
  | `harmful:${HazardCode}`;

/**
 * Categories whose report score is fused from several detectors (rules, the learned model, decoded
 * rescans, evasion and earlier turns): for these the category's score in the report, not a single
 * finding's, is the evidence a policy decides on.
 */
export function isFusedCategory(category: Category): boolean {
  return (
    category === 'prompt_injection' ||
    category === 'indirect_injection' ||
    category === 'system_prompt_extraction' ||
    category === 'jailbreak' ||
    category === 'evasion' ||
    category === 'multi_turn_escalation' ||
    category.startsWith('harmful:')
  );
}

export interface Finding {
  /** Which detector, e.g. `injection.indirect`, `pii.payment_card`. */
  detector: string;
  category: Category;
  /** Confidence that this finding is real, 0..1. */
  score: number;
  /** Where in the original text, when the finding has a location. */
  span?: Span;
  /** Why, in words an on-call engineer understands. */
  reason: string;
  /** For data that a `modify` decision removes: the label that replaces the span, e.g. `EMAIL`. */
  redaction?: string;
  /** For markup that a `modify` decision neutralises instead of redacting. */
  sanitize?: boolean;
}

export interface ConversationMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
}

export interface AnalysisContext {
  direction: Direction;
  systemPrompt?: string;
  messages?: readonly ConversationMessage[];
  /** Canary tokens planted in the system prompt; seeing one in output means the prompt leaked. */
  canaryTokens?: readonly string[];
  /** Risk accumulated by earlier turns of the conversation, 0..1 (from the multi-turn store). */
  priorRisk?: number;
}

/** A part of the text that was encoded (base64, hex, rot13, URL, tag characters) and what it decodes to. */
export interface DecodedSegment {
  /**
   * How the payload was hidden: an encoding, a word game (pig latin, text written backwards), ASCII
   * smuggled in invisible Unicode tag characters, or the open last turn of a fabricated dialogue.
   */
  encoding: 'base64' | 'hex' | 'rot13' | 'url' | 'pig_latin' | 'reversed' | 'unicode_tags' | 'dialogue_tail';
  span: Span;
  decoded: string;
}

export interface EvasionSignals {
  /** Code points changed by NFKC, confusable folding or leetspeak undoing. */
  foldedChars: number;
  /** Zero-width, bidi control and Unicode tag characters removed. */
  invisibleChars: number;
  /** Characters hidden in Unicode tag characters (U+E0000 block), decoded. */
  tagText?: string;
}

/**
 * The text as detectors see it: normalised (case-folded, NFKC, confusables and leetspeak undone,
 * invisible characters removed, whitespace collapsed) with a map back to original offsets, plus decoded
 * payloads to rescan.
 */
export interface AnalyzedText {
  readonly original: string;
  readonly normalized: string;
  /** Original offset of a normalized offset (end offsets map to the end of the original character). */
  toOriginal(normalizedOffset: number): number;
  readonly decoded: readonly DecodedSegment[];
  readonly signals: EvasionSignals;
}

export interface Detector {
  readonly id: string;
  readonly directions: readonly Direction[];
  detect(text: AnalyzedText, context: AnalysisContext): Finding[];
}

export interface CategoryScore {
  category: Category;
  score: number;
}

export interface SafetyReport {
  findings: Finding[];
  /** Highest score per category, descending. */
  categories: CategoryScore[];
  /** Overall risk 0..1: the highest category score, raised by evasion and prior risk. */
  score: number;
  /** Milliseconds spent per detector, for the per-detector timing metric. */
  timings: Record<string, number>;
}
