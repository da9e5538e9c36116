import type { AnalysisContext, AnalyzedText, CategoryScore, Detector, Finding, SafetyReport } from '../types';

export type TextAnalyzer = (text: string) => AnalyzedText;

/**
 * Runs every detector that applies to the direction over the analysed text and fuses their findings into
 * per-category scores and one overall score. Detectors are pure and synchronous: the whole check is CPU
 * work in the caller's event-loop turn, with no I/O.
 */
export class SafetyGuard {
  constructor(
    private readonly analyze: TextAnalyzer,
    private readonly detectors: readonly Detector[],
    private readonly fuse: (
      findings: Finding[],
      text: AnalyzedText,
      context: AnalysisContext,
    ) => number = maxScore,
  ) {}

  check(text: string, context: AnalysisContext): SafetyReport {
    const analyzed = this.analyze(text);
    const findings: Finding[] = [];
    const timings: Record<string, number> = {};
    for (const detector of this.detectors) {
      if (!detector.directions.includes(context.direction)) continue;
      const started = performance.now();
      findings.push(...detector.detect(analyzed, context));
      timings[detector.id] = performance.now() - started;
    }
    return {
      findings,
      categories: categoryScores(findings),
      score: this.fuse(findings, analyzed, context),
      timings,
    };
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
