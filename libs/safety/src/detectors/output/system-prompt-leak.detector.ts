import { analyzeText } from '../../normalize/analyze-text';
import { originalSpan } from '../../normalize/normalized-text';
import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import { forEachShingle } from './word-shingles';

export interface SystemPromptLeakOptions {
  /** Words per shingle (default 8): long enough that ordinary phrases do not collide. */
  shingleWords?: number;
  /** System prompts shorter than this many words are not compared (default 16). */
  minPromptWords?: number;
  /** Canary tokens shorter than this are ignored, as they would match by chance (default 8). */
  minCanaryLength?: number;
  /** How many system prompts to keep indexed (default 64). */
  cacheSize?: number;
}

/** Stock sentences many system prompts share; repeating them reveals nothing about a deployment. */
const BOILERPLATE = [
  'You are a helpful, respectful and honest assistant. Always answer as helpfully as possible, while being safe.',
  'Your answers should not include any harmful, unethical, racist, sexist, toxic, dangerous, or illegal content. Please ensure that your responses are socially unbiased and positive in nature.',
  "If a question does not make any sense, or is not factually coherent, explain why instead of answering something not correct. If you don't know the answer to a question, please don't share false information.",
  "If you don't know the answer, just say that you don't know, don't try to make up an answer.",
  'Use the following pieces of context to answer the question at the end.',
  'You are a helpful assistant that answers questions as accurately and concisely as possible.',
];

interface PromptIndex {
  words: number;
  /** Shingle key → position of its first word in the prompt. */
  positions: Map<number, number>;
  /** Second hash of the shingle at each prompt position, confirming a key hit. */
  checks: Int32Array;
}

/**
 * The answer gives the system prompt away: a canary token planted in the prompt appears (certain), or long
 * runs of the prompt are reproduced verbatim or nearly so. Overlap is measured with word shingles over the
 * normalised texts (so case, look-alikes and reformatting do not hide it); the score grows with the share of
 * the prompt reproduced. Shingles that are stock boilerplate or that the user's own messages contain are
 * not evidence: repeating what the user wrote leaks nothing.
 */
export class SystemPromptLeakDetector implements Detector {
  readonly id = 'leakage.system_prompt';
  readonly directions: readonly Direction[] = ['output'];
  private readonly size: number;
  private readonly minPromptWords: number;
  private readonly minCanaryLength: number;
  private readonly cacheSize: number;
  private readonly cache = new Map<string, PromptIndex>();
  private readonly canaries = new Map<string, RegExp | undefined>();
  private readonly boilerplate: ReadonlySet<number>;

  constructor(options: SystemPromptLeakOptions = {}) {
    this.size = options.shingleWords ?? 8;
    this.minPromptWords = Math.max(options.minPromptWords ?? 16, this.size);
    this.minCanaryLength = options.minCanaryLength ?? 8;
    this.cacheSize = options.cacheSize ?? 64;
    const boilerplate = new Set<number>();
    for (const sentence of BOILERPLATE)
      forEachShingle(this.normalize(sentence), this.size, (key) => boilerplate.add(key));
    this.boilerplate = boilerplate;
  }

  detect(text: AnalyzedText, context: AnalysisContext): Finding[] {
    const findings = this.canaryFindings(text, context.canaryTokens ?? []);
    if (context.systemPrompt) findings.push(...this.overlapFindings(text, context));
    return findings;
  }

  private canaryFindings(text: AnalyzedText, canaries: readonly string[]): Finding[] {
    const findings: Finding[] = [];
    for (const canary of canaries) {
      if (canary.length < this.minCanaryLength) continue;
      const exact = text.original.indexOf(canary);
      if (exact >= 0) {
        findings.push(
          this.finding(
            1,
            { start: exact, end: exact + canary.length },
            'canary token from the system prompt appears in the answer',
          ),
        );
        continue;
      }
      // Disguised: case changed, look-alikes or zero-width characters inserted, characters spaced or
      // re-punctuated. Compared on letters and digits alone, after normalisation.
      const pattern = this.canaryPattern(canary);
      const found = pattern?.exec(text.normalized);
      if (found)
        findings.push(
          this.finding(
            1,
            originalSpan(text, found.index, found.index + found[0].length),
            'canary token from the system prompt appears in the answer, disguised',
          ),
        );
    }
    return findings;
  }

  /**
   * A regex for the canary's letters and digits (after normalisation) with up to three other characters
   * between each: "N W - c a n a r y" still matches. Built once per canary; undefined when too short.
   */
  private canaryPattern(canary: string): RegExp | undefined {
    if (this.canaries.has(canary)) return this.canaries.get(canary);
    const skeleton = [...this.normalize(canary)].filter((char) => SKELETON.test(char));
    const pattern =
      skeleton.length < this.minCanaryLength
        ? undefined
        : new RegExp(skeleton.map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(`${GAP}{0,3}`));
    if (this.canaries.size >= this.cacheSize * 8) this.canaries.clear();
    this.canaries.set(canary, pattern);
    return pattern;
  }

  private overlapFindings(text: AnalyzedText, context: AnalysisContext): Finding[] {
    const prompt = this.index(context.systemPrompt!);
    if (prompt.words < this.minPromptWords) return [];
    // Shingles of the answer found in the prompt: answer word index, prompt position, normalised span.
    const hits: { index: number; position: number; start: number; end: number; key: number }[] = [];
    forEachShingle(text.normalized, this.size, (key, check, index, start, end) => {
      const position = prompt.positions.get(key);
      if (position !== undefined && prompt.checks[position] === check)
        hits.push({ index, position, start, end, key });
    });
    if (hits.length === 0) return [];
    const userKeys = this.userShingles(context);
    const evidence = hits.filter((hit) => !userKeys.has(hit.key));
    if (evidence.length === 0) return [];

    const covered = new Uint8Array(prompt.words);
    for (const hit of evidence) covered.fill(1, hit.position, hit.position + this.size);
    const share = covered.reduce((sum, word) => sum + word, 0) / prompt.words;
    // Runs of consecutive matching shingles: each is one passage of the prompt repeated.
    const runs: { first: number; last: number; start: number; end: number }[] = [];
    for (const hit of evidence) {
      const run = runs[runs.length - 1];
      if (run && hit.index === run.last + 1) {
        run.last = hit.index;
        run.end = hit.end;
      } else runs.push({ first: hit.index, last: hit.index, start: hit.start, end: hit.end });
    }
    const longest = Math.max(...runs.map((run) => run.last - run.first + this.size));
    const score =
      share >= 0.5
        ? 0.95
        : share >= 0.25
          ? 0.85
          : share >= 0.1 || longest >= 20
            ? 0.7
            : longest >= 12
              ? 0.55
              : 0.4;
    const reason = `answer reproduces ${Math.round(share * 100)}% of the system prompt (longest verbatim passage ${longest} words)`;
    return runs
      .sort((a, b) => b.last - b.first - (a.last - a.first))
      .slice(0, 5)
      .map((run) => this.finding(score, originalSpan(text, run.start, run.end), reason));
  }

  private index(systemPrompt: string): PromptIndex {
    let index = this.cache.get(systemPrompt);
    if (index) return index;
    const keys: number[] = [];
    const checks: number[] = [];
    const words = forEachShingle(this.normalize(systemPrompt), this.size, (key, check) => {
      keys.push(key);
      checks.push(check);
    });
    // Words inside stock sentences; a shingle made mostly of them (also across two such sentences) is no
    // evidence of this particular prompt.
    const stock = new Uint8Array(words);
    keys.forEach((key, position) => {
      if (this.boilerplate.has(key)) stock.fill(1, position, position + this.size);
    });
    const positions = new Map<number, number>();
    keys.forEach((key, position) => {
      let stockWords = 0;
      for (let word = position; word < position + this.size; word++) stockWords += stock[word];
      if (stockWords * 2 < this.size && !positions.has(key)) positions.set(key, position);
    });
    index = { words, positions, checks: Int32Array.from(checks) };
    // Oldest first out; prompts are few per deployment, so a full LRU is not worth its bookkeeping.
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(systemPrompt, index);
    return index;
  }

  private userShingles(context: AnalysisContext): Set<number> {
    const keys = new Set<number>();
    for (const message of context.messages ?? [])
      if (message.role === 'user' || message.role === 'tool')
        forEachShingle(this.normalize(message.content), this.size, (key) => keys.add(key));
    return keys;
  }

  private normalize(text: string): string {
    return analyzeText(text, { decode: false }).normalized;
  }

  private finding(score: number, span: { start: number; end: number }, reason: string): Finding {
    return { detector: this.id, category: 'system_prompt_leak', score, span, reason };
  }
}

/** Letters and digits after normalisation: what a disguised canary keeps. */
const SKELETON = /[a-z0-9\u00c0-\uffff]/u;
const GAP = '[^a-z0-9\\u00c0-\\uffff]';
