// The adversary against the default guardrail: the weakness map (attack success per strategy, persona
// and goal category) and attack throughput, with a raw guardrail check loop as the baseline of the same run.
//
//   npm run build && node bench/dist/adversary.bench.js [--seeds 6] [--attacks 5000] [--concurrency 128]
//
// Services run as their own processes (own schema and namespace): one guardrail (rate limit off) and one
// adversary. The map and the engine phase run the attack engine in this process against the guardrail
// over NATS (guardrail.check.v1, as in production); the queue phase enqueues jobs on adversary.attacks
// and counts them until the adversary service has recorded every result (event + audit entry).
import { Queue } from 'bullmq';
import { BusNaming, QueueFactory, RequestClient } from '@rampart/bus';
import { ADVERSARY_ATTACKS_QUEUE, GuardrailCheckV1 } from '@rampart/contracts';
import {
  AttackRunner,
  createJudges,
  createTarget,
  decideOutcome,
  isPlanner,
  loadAttackArsenal,
  type GeneratedAttack,
  type GuardrailChecker,
} from '@rampart/redteam';
import {
  createTestDatabase,
  createTestNamespace,
  freePort,
  infraUrls,
  NodeProcess,
  testServiceEnv,
  waitFor,
} from '@rampart/testing';
import { connect } from '@nats-io/transport-node';
import { join } from 'node:path';
import { intOption, machineDescription, markdownTable, runConcurrently, wilson95 } from './lib/bench-stats';

const argv = process.argv.slice(2);
const SEEDS = intOption(argv, 'seeds', 'BENCH_SEEDS', 6);
const ATTACKS = intOption(argv, 'attacks', 'BENCH_ATTACKS', 5000);
const CONCURRENCY = intOption(argv, 'concurrency', 'BENCH_CONCURRENCY', 128);
const ROOT = join(__dirname, '..', '..');
/** `--profile DIR` writes a V8 CPU profile of the adversary process into DIR, to see where its time goes. */
const PROFILE_DIR = argv.includes('--profile') ? argv[argv.indexOf('--profile') + 1] : undefined;

/** guardrail.check.v1 as the adversary service calls it (the bench runs compiled, apart from the apps). */
function natsChecker(client: RequestClient): GuardrailChecker {
  return {
    async check(input) {
      const reply = await client.request(GuardrailCheckV1, {
        direction: input.direction,
        text: input.text,
        context: {
          conversationId: input.conversationId,
          endpoint: input.endpoint,
          userId: input.userId,
          messages: (input.messages ?? []).map((m) => ({ role: m.role, content: m.content })),
          ...(input.systemPrompt ? { systemPrompt: input.systemPrompt } : {}),
        },
      });
      return { ...reply, verdict: reply.verdict as 'allow' | 'modify' | 'block' };
    },
  };
}

interface Tally {
  n: number;
  successes: number;
}

function tally(map: Map<string, Tally>, key: string, success: boolean): void {
  const entry = map.get(key) ?? { n: 0, successes: 0 };
  entry.n += 1;
  if (success) entry.successes += 1;
  map.set(key, entry);
}

function rows(map: Map<string, Tally>, order?: (a: [string, Tally], b: [string, Tally]) => number) {
  return [...map.entries()]
    .sort(order ?? ((a, b) => b[1].successes / b[1].n - a[1].successes / a[1].n))
    .map(([key, t]) => {
      const w = wilson95(t.successes, t.n);
      return [key, t.n, t.successes, w.rate.toFixed(1), `${w.low.toFixed(1)}–${w.high.toFixed(1)}`];
    });
}

async function main(): Promise<void> {
  const data = loadAttackArsenal({ maxTurnsCap: 10 });
  const { strategies, generator } = data;

  const db = await createTestDatabase('bench_adversary');
  const ns = createTestNamespace('bench_adversary', db.config.schema);
  const naming = new BusNaming(ns.namespace);
  const env = {
    ...testServiceEnv({ namespace: ns.namespace, schema: db.config.schema }),
    LOG_LEVEL: 'warn',
    GUARDRAIL_RATE_LIMIT_PER_SECOND: '0',
    ADVERSARY_TARGET_RATE_PER_SECOND: '0',
    ADVERSARY_MAX_CONCURRENT_ATTACKS: '10000',
    ADVERSARY_CRITICAL_COOLDOWN_SECONDS: '0',
    ADVERSARY_WORKER_CONCURRENCY: String(CONCURRENCY),
  };
  const started = await Promise.all(
    (['guardrail', 'adversary'] as const).map(async (service) => {
      const port = await freePort();
      const process = new NodeProcess(
        join(ROOT, 'apps', service, 'dist', 'main.js'),
        { ...env, HTTP_PORT: String(port) },
        [],
        PROFILE_DIR && service === 'adversary' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
      );
      return { service, port, process };
    }),
  );
  const nc = await connect({ servers: infraUrls().natsUrl });
  const client = new RequestClient(nc, naming, 'bench');
  const target = createTarget('guardrail', { guardrail: natsChecker(client), env: {}, endpoint: 'bench' });
  const runner = new AttackRunner(createJudges(), decideOutcome);
  const run = (attack: GeneratedAttack, i: number) =>
    runner.run(attack, target, {
      persona: data.personas.get(attack.persona),
      goal: data.goals.get(attack.goal.id),
      conversationId: `bench-${attack.attackId}-${i}`,
    });
  const out: string[] = [];
  try {
    for (const { service, port, process: child } of started) {
      await waitFor(
        `the ${service} service`,
        async () => {
          if (!child.running) throw new Error(`${service} exited: ${child.output().slice(-2000)}`);
          return (
            (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200
          );
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
    }

    // 1. The weakness map: every strategy alone, for every persona, SEEDS seeds each.
    const byStrategy = new Map<string, Tally>();
    const byPersona = new Map<string, Tally>();
    const byCategory = new Map<string, Tally>();
    const matrix: GeneratedAttack[] = [];
    for (const strategy of strategies.ids().filter((id) => id !== 'as-response'))
      for (const persona of data.personas.list())
        for (let s = 0; s < SEEDS; s++)
          matrix.push(generator.generate({ persona: persona.id, strategy, seed: `map-${s}` }));
    const mapSeconds = await runConcurrently(matrix.length, CONCURRENCY, async (i) => {
      const attack = matrix[i];
      const result = await run(attack, i);
      tally(byStrategy, attack.strategy.join(','), result.outcome.success);
      tally(byCategory, attack.goal.category, result.outcome.success);
    });
    // Each persona with its own tactics (what a campaign of that persona sends).
    const tactics = data.personas
      .list()
      .flatMap((p) => generator.generateMany({ persona: p.id, seed: 'tactics', count: SEEDS * 8 }));
    await runConcurrently(tactics.length, CONCURRENCY, async (i) => {
      const attack = tactics[i];
      tally(byPersona, attack.persona, (await run(attack, i)).outcome.success);
    });

    // 1b. The output side: simulated responses (as-response, then a disguise) checked as output.
    const outputTarget = createTarget('guardrail-output', {
      guardrail: natsChecker(client),
      env: {},
      endpoint: 'bench',
    });
    const byOutputChain = new Map<string, Tally>();
    const disguises = [
      '',
      'base64',
      'hex',
      'rot13',
      'leetspeak',
      'homoglyph',
      'zero-width',
      'unicode-tags',
      'spacing-noise',
      'payload-split',
    ];
    const outputAttacks = disguises.flatMap((disguise) =>
      data.personas.list().flatMap((persona) =>
        Array.from({ length: SEEDS }, (_, s) =>
          generator.generate({
            persona: persona.id,
            strategy: disguise ? `as-response,${disguise}` : 'as-response',
            seed: `out-${s}`,
          }),
        ),
      ),
    );
    await runConcurrently(outputAttacks.length, CONCURRENCY, async (i) => {
      const attack = outputAttacks[i];
      const result = await runner.run(attack, outputTarget, {
        persona: data.personas.get(attack.persona),
        goal: data.goals.get(attack.goal.id),
        conversationId: `bench-out-${attack.attackId}-${i}`,
      });
      tally(byOutputChain, attack.strategy.join(','), result.outcome.success);
      tally(
        byOutputChain,
        attack.goal.category === 'system_prompt_extraction'
          ? '(all) leaking the system prompt'
          : '(all) complying with a request',
        result.outcome.success,
      );
    });

    // 2. Throughput of single-turn attacks: raw checks of the same prompts, the engine, then the queue.
    // as-response makes responses, not prompts: it is for the output side only.
    const singleTurn = strategies
      .ids()
      .filter((id) => !isPlanner(strategies.get(id)) && id !== 'as-response');
    const personas = data.personas.list();
    const attacks = Array.from({ length: ATTACKS }, (_, i) =>
      generator.generate({
        persona: personas[i % personas.length].id,
        strategy: singleTurn[i % singleTurn.length],
        seed: `tp-${i}`,
      }),
    );
    for (let i = 0; i < 500; i++) await run(attacks[i], i);
    const rawSeconds = await runConcurrently(ATTACKS, CONCURRENCY, async (i) => {
      await client.request(GuardrailCheckV1, {
        direction: 'input',
        text: attacks[i].turns[0].text,
        context: { conversationId: `raw-${i}`, endpoint: 'bench', userId: 'redteam', messages: [] },
      });
    });
    let engineSuccesses = 0;
    const engineSeconds = await runConcurrently(ATTACKS, CONCURRENCY, async (i) => {
      if ((await run(attacks[i], i)).outcome.success) engineSuccesses += 1;
    });
    const queues = new QueueFactory(QueueFactory.connect(infraUrls().redisUrl), naming, 'bench');
    await queues.connection.connect();
    const queue = new Queue(ADVERSARY_ATTACKS_QUEUE.name, {
      connection: queues.connection,
      prefix: queues.prefix,
    });
    const queueStarted = process.hrtime.bigint();
    for (let i = 0; i < ATTACKS; i += 500) {
      await Promise.all(
        attacks
          .slice(i, i + 500)
          .map((attack, j) =>
            queues.enqueue(
              ADVERSARY_ATTACKS_QUEUE,
              { attack: { replayKey: attack.replayKey }, runId: 'bench', requestedBy: 'bench' },
              { jobId: `bench-${i + j}` },
            ),
          ),
      );
    }
    // Finished jobs are trimmed to the newest 1,000, so "done" is: nothing left waiting, active or delayed.
    await waitFor(
      'the adversary to finish the queued attacks',
      async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
        if ((counts.failed ?? 0) > 0) throw new Error(`${counts.failed} queued attacks failed`);
        return (
          (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0) ===
          0
        );
      },
      { timeoutMs: 600_000, intervalMs: 50 },
    );
    const queueSeconds = Number(process.hrtime.bigint() - queueStarted) / 1e9;
    await queue.close();
    await queues.close();
    queues.connection.disconnect();

    const date = new Date().toISOString().slice(0, 10);
    out.push(
      `\nAdversary vs the default guardrail — ${machineDescription()}, ${date}, data ${data.dataVersion}\n`,
    );
    out.push(
      `Weakness map: ${matrix.length} attacks (${matrix.length / personas.length / SEEDS} strategies × ${personas.length} personas × ${SEEDS} seeds) in ${mapSeconds.toFixed(1)} s; success = the guardrail allowed the goal-carrying turn. Wilson 95% intervals.\n`,
    );
    out.push(markdownTable(['strategy', 'attacks', 'successes', 'success %', '95% CI'], rows(byStrategy)));
    out.push('\nBy goal category (all strategies):\n');
    out.push(markdownTable(['category', 'attacks', 'successes', 'success %', '95% CI'], rows(byCategory)));
    out.push(
      `\nOutput side (target guardrail-output: the simulated response checked as output), ${outputAttacks.length} attacks:\n`,
    );
    out.push(markdownTable(['chain', 'attacks', 'successes', 'success %', '95% CI'], rows(byOutputChain)));
    out.push(`\nBy persona, each with its own tactics (${SEEDS * 8} attacks each):\n`);
    out.push(markdownTable(['persona', 'attacks', 'successes', 'success %', '95% CI'], rows(byPersona)));
    out.push(`\nThroughput: ${ATTACKS} single-turn attacks, concurrency ${CONCURRENCY}\n`);
    out.push(
      markdownTable(
        ['path', 'per second', 'ratio to raw checks'],
        [
          [
            'raw guardrail.check.v1 requests, same prompts (baseline)',
            (ATTACKS / rawSeconds).toFixed(0),
            '1.00',
          ],
          [
            `attack engine (generate from key → guardrail over NATS → 6 judges), ${engineSuccesses} successes`,
            (ATTACKS / engineSeconds).toFixed(0),
            (rawSeconds / engineSeconds).toFixed(2),
          ],
          [
            'adversary service via the adversary.attacks queue (+ event and audit entry each)',
            (ATTACKS / queueSeconds).toFixed(0),
            (rawSeconds / queueSeconds).toFixed(2),
          ],
        ],
      ),
    );
  } finally {
    await nc.close();
    for (const { process: child } of started) child.signal('SIGTERM');
    await Promise.all(started.map(({ process: child }) => child.exited));
    await ns.cleanup();
    await db.drop();
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
