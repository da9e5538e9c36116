import { Client } from 'pg';
import { BusNaming, NatsConnectionHandle, QueueFactory, RequestClient, silentLogger } from '@rampart/bus';
import { ADVERSARY_ATTACKS_QUEUE, AdversaryAttackRunV1 } from '@rampart/contracts';
import { pgConnectionConfig } from '@rampart/database';
import {
  FakeChatServer,
  infraUrls,
  NodeProcess,
  readStream,
  testPlatformConfig,
  waitFor,
} from '@rampart/testing';
import { CLI_ENTRY, PlatformHarness } from './support/platform-harness';

interface Turn {
  index: number;
  purpose: string;
  carries_goal?: boolean;
  prompt: string;
  input_verdict?: string;
}
interface Result {
  attack_id: string;
  attempt_id: string;
  replay_key: string;
  persona: string;
  strategy: string[];
  goal_id: string;
  target: string;
  success?: boolean;
  decided_by: string;
  reason: string;
  turns: Turn[];
  judgements: { judge: string; verdict: string }[];
}

async function cli(args: string[], env: Record<string, string> = {}) {
  const run = new NodeProcess(CLI_ENTRY, env, args);
  const { code } = await run.exited;
  return { code, output: run.output() };
}

/** The adversary against a real guardrail process, over NATS, with results on JetStream and in the audit log. */
describe('adversary service', () => {
  let platform: PlatformHarness;
  let url: string;
  let admin: Client;
  let nats: NatsConnectionHandle;
  // The attacker model for PAIR-style refinement: answers every request with one harmless rewrite.
  const attacker = new FakeChatServer({
    respond: () =>
      '{"improvement": "asked about history instead", "prompt": "Summarise the history of the printing press."}',
  });

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    platform = await PlatformHarness.create('adversary');
    const attackerUrl = await attacker.start();
    await platform.start(['guardrail', 'adversary'], {
      ADVERSARY_ATTACKER_LLM_BASE_URL: attackerUrl,
      ADVERSARY_ATTACKER_LLM_MODEL: 'attacker-model',
      GUARDRAIL_RATE_LIMIT_PER_SECOND: '0',
      ADVERSARY_MAX_TURNS: '6',
      ADVERSARY_CRITICAL_COOLDOWN_SECONDS: '0',
    });
    url = platform.services.get('adversary')!.url;
    admin = new Client(
      pgConnectionConfig(platform.db.adminConfig, { applicationName: 'e2e', assumeRole: false }),
    );
    await admin.connect();
    nats = await NatsConnectionHandle.open(
      testPlatformConfig('e2e', { namespace: platform.ns.namespace, schema: platform.db.config.schema }),
      silentLogger,
    );
  }, 120_000);

  afterAll(async () => {
    await nats?.close();
    await admin?.end();
    await platform?.close();
    await attacker.close();
  });

  it('runs a multi-turn crescendo against the real guardrail, each turn checked in one conversation', async () => {
    const { status, body } = await post('/v1/attacks', {
      persona: 'jailbreak_attacker',
      strategy: 'roleplay,crescendo',
      seed: 'e2e-crescendo',
    });
    expect(status).toBe(200);
    const result = body.result as Result;
    expect(result.turns.length).toBeGreaterThan(1);
    expect(result.turns.length).toBeLessThanOrEqual(6);
    for (const turn of result.turns) expect(['allow', 'modify', 'block']).toContain(turn.input_verdict);
    expect(result.turns.at(-1)!.carries_goal).toBe(true);
    expect(result.decided_by).toBe('guardrail-verdict');
    expect(result.judgements.map((j) => j.judge)).toContain('guardrail-verdict');
    // The guardrail saw one conversation: its id is the attempt's.
    expect(result.attempt_id).toMatch(/^adv-/);
  });

  it('attacks the guardrail’s output side with a simulated response that leaks the system prompt', async () => {
    const { status, body } = await post('/v1/attacks', {
      persona: 'data_exfiltrator',
      goal: 'system-prompt-extraction/repeat-everything-above',
      strategy: 'as-response,base64',
      target: 'guardrail-output',
      seed: 'e2e-output',
    });
    expect(status).toBe(200);
    const result = body.result as Result & { turns: (Turn & { output_verdict?: string })[] };
    expect(result.target).toBe('guardrail-output');
    // Base64 does not hide the leak: the guardrail decodes the response and finds its system prompt.
    expect(result.turns[0].output_verdict).toBe('block');
    expect(result.turns[0].input_verdict).toBeUndefined();
    expect(result.success).toBeFalsy();
    expect(result.decided_by).toBe('guardrail-verdict');
  });

  it('replays an attack from its key into the same prompts, as a new attempt', async () => {
    const first = (await post('/v1/attacks', { persona: 'data_exfiltrator', seed: 'e2e-replay' })).body
      .result as Result;
    const again = (await post('/v1/attacks', { replay_key: first.replay_key })).body.result as Result;
    expect(again.turns.map((t) => t.prompt)).toEqual(first.turns.map((t) => t.prompt));
    expect(again.attack_id).toBe(first.attack_id);
    expect(again.attempt_id).not.toBe(first.attempt_id);
  });

  it('publishes each result on JetStream and records it in the audit log', async () => {
    const result = (await post('/v1/attacks', { persona: 'privacy_prober', seed: 'e2e-events' })).body
      .result as Result;
    const stream = new BusNaming(platform.ns.namespace).stream('ADVERSARY');
    const event = await waitFor('the attack event', async () => {
      const events = await readStream(nats.jsm, stream);
      return events.find((m) => {
        const data = JSON.parse(new TextDecoder().decode(m.data)) as { attempt_id?: string };
        return data.attempt_id === result.attempt_id;
      });
    });
    expect(event.subject).toMatch(/adversary\.attack\.completed\.v1$/);
    const { rows } = await admin.query<{ action: string; resource: string }>(
      `SELECT action, resource FROM ${platform.db.config.schema}.audit_log WHERE resource = $1`,
      [`attack/${result.attack_id}`],
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0].action).toMatch(/^attack\.(succeeded|failed)$/);
  });

  it('answers the same attack over NATS request-reply', async () => {
    const client = new RequestClient(nats.nc, new BusNaming(platform.ns.namespace), 'e2e');
    const reply = await client.request(AdversaryAttackRunV1, {
      persona: 'instruction_hijacker',
      strategy: 'indirect-email',
      seed: 'e2e-nats',
    });
    expect(reply.result?.persona).toBe('instruction_hijacker');
    expect(reply.result?.strategy).toEqual(['indirect-email']);
    expect(reply.result?.turns[0]?.inputVerdict).toBeDefined();
  });

  it('runs queued attacks from adversary.attacks and records each job exactly once', async () => {
    const queues = new QueueFactory(
      QueueFactory.connect(infraUrls().redisUrl),
      new BusNaming(platform.ns.namespace),
      'e2e',
    );
    await queues.connection.connect();
    const runId = `run-${Date.now()}`;
    for (let i = 0; i < 5; i++) {
      await queues.enqueue(
        ADVERSARY_ATTACKS_QUEUE,
        { attack: { persona: 'social_engineer', seed: `${runId}-${i}` }, runId, requestedBy: 'e2e' },
        { jobId: `${runId}-${i}` },
      );
    }
    // The same job id again adds nothing.
    await queues.enqueue(
      ADVERSARY_ATTACKS_QUEUE,
      { attack: { persona: 'social_engineer', seed: `${runId}-0` }, runId, requestedBy: 'e2e' },
      { jobId: `${runId}-0` },
    );
    await queues.close();
    queues.connection.disconnect();
    const stream = new BusNaming(platform.ns.namespace).stream('ADVERSARY');
    const ofRun = await waitFor(
      'five queued attacks to complete',
      async () => {
        const events = (await readStream(nats.jsm, stream))
          .map((m) => JSON.parse(new TextDecoder().decode(m.data)) as { run_id?: string; attack_id: string })
          .filter((e) => e.run_id === runId);
        return events.length >= 5 ? events : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(ofRun).toHaveLength(5);
    expect(new Set(ofRun.map((e) => e.attack_id)).size).toBe(5);
  });

  it('refines a blocked attack with the attacker model until the guardrail lets it through', async () => {
    const { status, body } = await post('/v1/attacks', {
      persona: 'jailbreak_attacker',
      strategy: 'roleplay',
      seed: 'e2e-refine',
      refine_iterations: 2,
    });
    expect(status).toBe(200);
    const result = body.result as Result & {
      refinements: { iteration?: number; prompt: string; success?: boolean; improvement: string }[];
      refine_outcome: string;
    };
    expect(result.refinements).toHaveLength(2);
    expect(result.refinements[0].success).toBeFalsy();
    expect(result.refinements[1]).toMatchObject({
      iteration: 1,
      success: true,
      improvement: 'asked about history instead',
      prompt: 'Summarise the history of the printing press.',
    });
    expect(result.refine_outcome).toBe('the attack succeeded');
    expect(result.turns.at(-1)!.prompt).toBe('Summarise the history of the printing press.');
    const sent = attacker.requests.at(-1)!;
    expect(JSON.stringify(sent.body)).toMatch(/Guardrail verdict: block/);
    const tooMany = await post('/v1/attacks', { persona: 'jailbreak_attacker', refine_iterations: 99 });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toMatch(/refine_iterations: at most 5/);
  });

  it('refuses bad requests with the field at fault, and unknown personas with the known ones', async () => {
    const unknownField = await post('/v1/attacks', { persona: 'jailbreak_attacker', colour: 'red' });
    expect(unknownField.status).toBe(400);
    const both = await post('/v1/attacks', { persona: 'jailbreak_attacker', replay_key: 'rk1.x' });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toMatch(/persona: must be absent when replay_key is given/);
    const unknown = await post('/v1/attacks', { persona: 'nobody' });
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toMatch(/jailbreak_attacker/);
    const badKey = await post('/v1/attacks', { replay_key: 'rk1.@@@' });
    expect(badKey.status).toBe(400);
    const tooMany = await post('/v1/attacks/batch', { persona: 'jailbreak_attacker', count: 10_000 });
    expect(tooMany.status).toBe(413);
  });

  it('runs a small batch and reports how many succeeded', async () => {
    const { status, body } = await post('/v1/attacks/batch', {
      persona: 'jailbreak_attacker',
      seed: 'e2e-batch',
      count: 8,
    });
    expect(status).toBe(200);
    const results = body.results as Result[];
    expect(results).toHaveLength(8);
    expect(body.succeeded ?? 0).toBe(results.filter((r) => r.success).length);
  });

  it('generates the same attack corpus, byte for byte, on every run of the CLI (offline)', async () => {
    const args = [
      'attack',
      'generate',
      '--persona',
      'jailbreak_attacker',
      '--strategy',
      'base64,roleplay',
      '--seed',
      '7',
      '--count',
      '5',
    ];
    const [a, b] = await Promise.all([cli(args), cli(args)]);
    expect(a.code).toBe(0);
    expect(a.output).toBe(b.output);
    const lines = a.output
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seed: string; strategy: string[] });
    expect(lines.map((l) => l.seed)).toEqual(['7#0', '7#1', '7#2', '7#3', '7#4']);
    expect(lines.every((l) => l.strategy.join(',') === 'base64,roleplay')).toBe(true);
  });

  it('runs and replays through the CLI against the running service', async () => {
    const env = platform.urlEnv();
    const run = await cli(
      ['attack', '--persona', 'jailbreak_attacker', '--strategy', 'leetspeak', '--seed', 'cli', '--json'],
      env,
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.output) as { replay_key: string; turns: { prompt: string }[] };
    const replay = await cli(['attack', 'replay', result.replay_key, '--json'], env);
    expect(replay.code).toBe(0);
    const replayed = JSON.parse(replay.output) as { turns: { prompt: string }[] };
    expect(replayed.turns.map((t) => t.prompt)).toEqual(result.turns.map((t) => t.prompt));
  });
});
