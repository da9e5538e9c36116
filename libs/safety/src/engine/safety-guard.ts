import type { AnalysisContext, AnalyzedText, CategoryScore, Detector, Finding, SafetyReport } from '../types';
import { lastUserRequest, responseComplies } from './request-in-context';

export type TextAnalyzer = (text: string) => AnalyzedText;

/** Overall score, or overall score and per-category scores, from the findings of one check. */
export type Fusion = (
  findings: Finding[],
  text: AnalyzedText,
  context: AnalysisContext,
) => number | { score: number; categories: CategoryScore[]; findings?: Finding[] };

export interface SafetyGuardOptions {
  /**
   * Re-run the detectors over payloads the analyser decoded (base64, hex, URL encoding, rot13). Findings in
   * a payload are reported at the payload's span with the encoding appended to the detector name
   * (`injection.direct@base64`), so fusion can tell that encoding was used to hide them.
   */
  rescanDecoded?: boolean;
  /** At most this many payloads are rescanned per check (default 4): decoding must not multiply the cost. */
  maxDecodedSegments?: number;
  /**
   * On output checks with a conversation, score the request a complying response answers (its last user
   * message) with the input detectors, and give the response that request's harm (default false).
   */
  judgeRequestInContext?: boolean;
}

/** The request must itself score this high (harm or jailbreak) for a complying response to inherit it. */
const REQUEST_FLOOR = 0.5;
/** A complying response is a little less certain than the request it answers. */
const INHERITED = 0.9;
const LONGEST_REQUEST = 8_000;

/**
 * Runs every detector that applies to the direction over the analysed text and fuses their findings into
 * per-category scores and one overall score. Detectors are pure and synchronous: the whole check is CPU
 * work in the caller's event-loop turn, with no I/O.
 */
export class SafetyGuard {
  private readonly rescanDecoded: boolean;
  private readonly maxDecodedSegments: number;

  constructor(
    private readonly analyze: TextAnalyzer,
    private readonly detectors: readonly Detector[],
    private readonly fuse: Fusion = maxScore,
    options: SafetyGuardOptions = {},
  ) {
    this.rescanDecoded = options.rescanDecoded ?? false;
    this.maxDecodedSegments = options.maxDecodedSegments ?? 4;
    this.judgeRequestInContext = options.judgeRequestInContext ?? false;
  }

  private readonly judgeRequestInContext: boolean;

  check(text: string, context: AnalysisContext): SafetyReport {
    const analyzed = this.analyze(text);
    const findings: Finding[] = [];
    const timings: Record<string, number> = {};
    this.run(analyzed, context, findings, timings);
    if (this.rescanDecoded) {
      for (const segment of analyzed.decoded.slice(0, this.maxDecodedSegments)) {
        const inner: Finding[] = [];
        this.run(this.analyze(segment.decoded), context, inner, timings);
        for (const finding of inner)
          findings.push({
            ...finding,
            detector: `${finding.detector}@${segment.encoding}`,
            span: { ...segment.span },
            reason: `in ${segment.encoding}-encoded text: ${finding.reason}`,
          });
      }
    }
    if (this.judgeRequestInContext && context.direction === 'output') {
      findings.push(...this.requestInContext(text, context, timings));
    }
    const fused = this.fuse(findings, analyzed, context);
    return typeof fused === 'number'
      ? { findings, categories: categoryScores(findings), score: fused, timings }
      : {
          findings: fused.findings ? [...findings, ...fused.findings] : findings,
          categories: fused.categories,
          score: fused.score,
          timings,
        };
  }

  /** Findings that a complying response inherits from the harmful request it answers. */
  private requestInContext(
    text: string,
    context: AnalysisContext,
    timings: Record<string, number>,
  ): Finding[] {
    const request = lastUserRequest(context.messages);
    if (!request || request.length > LONGEST_REQUEST || !responseComplies(text)) return [];
    const started = performance.now();
    const inner: Finding[] = [];
    const asInput: AnalysisContext = { direction: 'input' };
    this.run(this.analyze(request), asInput, inner, timings);
    timings['output.complies_with_request'] = performance.now() - started;
    const best = new Map<Finding['category'], number>();
    for (const finding of inner) {
      if (!(finding.category.startsWith('harmful:') || finding.category === 'jailbreak')) continue;
      if (finding.score >= REQUEST_FLOOR)
        best.set(finding.category, Math.max(best.get(finding.category) ?? 0, finding.score));
    }
    return [...best].map(([category, score]) => ({
      detector: 'output.complies_with_request',
      category,
      score: score * INHERITED,
      span: { start: 0, end: Math.min(text.length, 200) },
      reason: `the response goes along with a request that scores ${score.toFixed(2)} for ${category}`,
    }));
  }

  private run(
    analyzed: AnalyzedText,
    context: AnalysisContext,
    findings: Finding[],
    timings: Record<string, number>,
  ): void {
    for (const detector of this.detectors) {
      if (!detector.directions.includes(context.direction)) continue;
      const started = performance.now();
      findings.push(...detector.detect(analyzed, context));
      timings[detector.id] = (timings[detector.id] ?? 0) + performance.now() - started;
    }
  }
}

export function categoryScores(findings: readonly Finding[]): CategoryScore[] {
  const best = new Map<CategoryScore['category'], number>();
  for (const finding of findings)
    best.set(finding.category, Math.max(best.get(finding.category) ?? 0, finding.score));
  return [...best.entries()]
    .map(([category, score]) => ({ category, score }))
    .sort((a, b) => b.score - a.score);
}

function maxScore(findings: readonly Finding[]): number {
  return findings.reduce((max, finding) => Math.max(max, finding.score), 0);
}
