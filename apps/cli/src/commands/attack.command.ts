import type { Command } from 'commander';
import { ExitCode } from '../cli';
import { serviceUrl } from './cli-env';

interface RunOptions {
  persona?: string;
  strategy?: string;
  goal?: string;
  seed?: string;
  target?: string;
  json?: boolean;
  failOnSuccess?: boolean;
}

/** The service's JSON (proto field names); fields at their default value are omitted. */
interface AttackResultJson {
  attack_id: string;
  replay_key: string;
  persona: string;
  strategy: string[];
  goal_id: string;
  target: string;
  success?: boolean;
  severity: string;
  decided_by: string;
  reason: string;
  turns: { index?: number; purpose: string; prompt: string; input_verdict?: string }[];
}

/**
 * Red-team attacks. `generate` works offline (no services): it prints the attacks that would be sent, the
 * same bytes for the same arguments. `attack` and `attack replay` ask the running adversary service,
 * which applies the amplification guards and records the result.
 */
export function registerAttackCommands(program: Command): void {
  const attack = program
    .command('attack')
    .description('Red-team attacks: run (the default), replay, generate, personas');

  // The default subcommand, so `rampart attack --persona … --strategy … --target …` runs one attack.
  attack
    .command('run', { isDefault: true })
    .description('Run one attack through the adversary service')
    .option('--persona <id>', 'persona to attack as (rampart attack personas lists them)')
    .option(
      '--strategy <chain>',
      'strategy chain, e.g. base64,roleplay (default: one of the persona’s tactics)',
    )
    .option('--goal <id>', 'goal id (default: one of the persona’s goals)')
    .option('--seed <seed>', 'seed (default: random; the replay key records it)')
    .option('--target <name>', 'target name', 'guardrail')
    .option('--json', 'print the full result as JSON')
    .option('--fail-on-success', 'exit with code 2 when the attack succeeded (for CI)')
    .action(async (options: RunOptions) => {
      if (!options.persona) throw new Error('--persona is required (or use: rampart attack replay <key>)');
      const body = {
        persona: options.persona,
        target: options.target,
        ...(options.strategy ? { strategy: options.strategy } : {}),
        ...(options.goal ? { goal: options.goal } : {}),
        ...(options.seed ? { seed: options.seed } : {}),
      };
      await runRemote(body, options);
    });

  attack
    .command('replay <key>')
    .description('Replay an attack exactly from its replay key')
    .option('--target <name>', 'target name', 'guardrail')
    .option('--json', 'print the full result as JSON')
    .option('--fail-on-success', 'exit with code 2 when the attack succeeded')
    .action(async (key: string, options: RunOptions) => {
      await runRemote({ replay_key: key, target: options.target }, options);
    });

  attack
    .command('generate')
    .description('Print K generated attacks as JSON lines without sending them (offline)')
    .requiredOption('--persona <id>', 'persona')
    .option('--strategy <chain>', 'strategy chain, e.g. base64,roleplay')
    .option('--goal <id>', 'goal id')
    .requiredOption('--seed <seed>', 'seed; attack i uses <seed>#i')
    .option('--count <k>', 'how many attacks', '1')
    .option('--persona-dir <dir...>', 'extra persona folders')
    .option('--goal-manifest <file...>', 'extra goal-corpus manifests')
    .option('--max-turns <n>', 'turn cap per attack', '10')
    .action(
      async (options: {
        persona: string;
        strategy?: string;
        goal?: string;
        seed: string;
        count: string;
        personaDir?: string[];
        goalManifest?: string[];
        maxTurns: string;
      }) => {
        const count = positive(options.count, '--count', 100_000);
        const maxTurns = positive(options.maxTurns, '--max-turns', 50);
        const generator = await offlineGenerator(options.personaDir, options.goalManifest, maxTurns);
        const attacks = generator.generateMany({
          persona: options.persona,
          seed: options.seed,
          count,
          ...(options.strategy ? { strategy: options.strategy } : {}),
          ...(options.goal ? { goal: options.goal } : {}),
        });
        for (const a of attacks) {
          process.stdout.write(
            `${JSON.stringify({
              replay_key: a.replayKey,
              attack_id: a.attackId,
              persona: a.persona,
              severity: a.severity,
              goal_id: a.goal.id,
              goal_category: a.goal.category,
              strategy: a.strategy,
              seed: a.seed,
              data_version: a.dataVersion,
              turns: a.turns.map((t) => ({ text: t.text, carries_goal: t.carriesGoal, purpose: t.purpose })),
            })}\n`,
          );
        }
      },
    );

  attack
    .command('personas')
    .description('List personas, persona sets and strategies (offline)')
    .option('--persona-dir <dir...>', 'extra persona folders')
    .action(async (options: { personaDir?: string[] }) => {
      const { loadAttackArsenal } = await import('@rampart/redteam');
      const data = loadAttackArsenal({ userPersonaDirs: options.personaDir ?? [] });
      const { strategies } = data;
      process.stdout.write(`data version ${data.dataVersion}\n\npersonas:\n`);
      for (const p of data.personas.list()) {
        process.stdout.write(`  ${p.id.padEnd(22)} ${p.severity.padEnd(9)} ${p.goal}\n`);
      }
      process.stdout.write('\nsets:\n');
      for (const set of data.personas.sets()) {
        process.stdout.write(
          `  ${set.padEnd(22)} ${data.personas
            .set(set)
            .map((p) => p.id)
            .join(', ')}\n`,
        );
      }
      process.stdout.write('\nstrategies:\n');
      for (const s of strategies.list())
        process.stdout.write(`  ${s.id.padEnd(22)} ${s.kind.padEnd(12)} ${s.description}\n`);
    });
}

function positive(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`${flag}: expected a whole number from 1 to ${max}`);
  return n;
}

async function offlineGenerator(personaDirs: string[] = [], goalManifests: string[] = [], maxTurns: number) {
  const { loadAttackArsenal } = await import('@rampart/redteam');
  return loadAttackArsenal({ userPersonaDirs: personaDirs, goalManifests, maxTurnsCap: maxTurns }).generator;
}

async function runRemote(body: Record<string, unknown>, options: RunOptions): Promise<void> {
  const url = `${serviceUrl('adversary')}/v1/attacks`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    throw new Error(
      `the adversary service at ${serviceUrl('adversary')} is not reachable (${(error as Error).message})`,
      { cause: error },
    );
  }
  const payload = (await response.json().catch(() => ({}))) as {
    result?: AttackResultJson;
    code?: string;
    message?: string;
  };
  if (!response.ok || !payload.result) {
    throw new Error(
      `${payload.code ?? `HTTP ${response.status}`}: ${payload.message ?? 'the adversary refused the attack'}`,
    );
  }
  const result = payload.result;
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const outcome = result.success ? 'SUCCEEDED' : 'failed';
    process.stdout.write(
      `attack ${outcome} — ${result.persona} / ${result.strategy.join(',')} → ${result.target} (goal ${result.goal_id}, severity ${result.severity})\n` +
        `decided by ${result.decided_by}: ${result.reason}\n`,
    );
    for (const turn of result.turns) {
      process.stdout.write(`  turn ${(turn.index ?? 0) + 1} [${turn.purpose}] ${turn.input_verdict ?? ''}\n`);
    }
    process.stdout.write(`replay: rampart attack replay ${result.replay_key}\n`);
  }
  if (options.failOnSuccess && result.success) throw new ExitCode(2);
}
