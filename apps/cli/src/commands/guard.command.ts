import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { ExitCode } from '../cli';

interface GuardLine {
  id: unknown;
  text: unknown;
  direction?: unknown;
}

/**
 * Offline evaluation with the guardrail's own engine and (by default) its shipped constitution, in this
 * process: no services needed. One JSON line in, one JSON line out, in the same order. This output format is
 * what accuracy is measured through: keep it stable.
 */
export function registerGuardCommands(program: Command): void {
  const guard = program.command('guard').description('The guardrail, offline');
  guard
    .command('check')
    .description(
      'Check JSON lines {"id","text"[,"direction"]} and print {"id","verdict","score","categories"} for each',
    )
    .requiredOption('--jsonl <file>', 'input file, or - for standard input')
    .option('--policy <file>', 'a constitution YAML to use instead of the shipped default')
    .option('--endpoint <name>', 'apply this endpoint’s overrides from the constitution')
    .action(async (options: { jsonl: string; policy?: string; endpoint?: string }) => {
      const { createSafetyGuard, loadDefaultConstitution, parseConstitution, PolicyEngine } =
        await import('@rampart/safety');
      const constitution = options.policy
        ? parseConstitution(readFileSync(options.policy, 'utf8'))
        : loadDefaultConstitution();
      const engine = new PolicyEngine(constitution);
      const guard = createSafetyGuard();
      const input =
        options.jsonl === '-' ? process.stdin : createReadStream(options.jsonl, { encoding: 'utf8' });
      let lineNumber = 0;
      let failures = 0;
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        let parsed: GuardLine;
        try {
          parsed = JSON.parse(line) as GuardLine;
        } catch {
          failures += 1;
          process.stdout.write(
            `${JSON.stringify({ id: null, error: `line ${lineNumber}: not valid JSON` })}\n`,
          );
          continue;
        }
        const direction = parsed.direction ?? 'input';
        if (typeof parsed.text !== 'string' || (direction !== 'input' && direction !== 'output')) {
          failures += 1;
          const problem =
            typeof parsed.text !== 'string' ? 'text must be a string' : 'direction must be input or output';
          process.stdout.write(
            `${JSON.stringify({ id: parsed.id ?? null, error: `line ${lineNumber}: ${problem}` })}\n`,
          );
          continue;
        }
        const report = guard.check(parsed.text, { direction });
        const decision = engine.evaluate(report, {
          text: parsed.text,
          direction,
          endpoint: options.endpoint,
        });
        const categories = report.categories.filter((c) => c.score >= 0.3).map((c) => c.category);
        process.stdout.write(
          `${JSON.stringify({ id: parsed.id, verdict: decision.verdict, score: Math.round(report.score * 1e4) / 1e4, categories })}\n`,
        );
      }
      if (failures > 0) {
        process.stderr.write(`rampart: ${failures} line(s) could not be checked\n`);
        throw new ExitCode(1);
      }
    });
}
