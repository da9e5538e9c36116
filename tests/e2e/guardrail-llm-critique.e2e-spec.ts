import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { pgConnectionConfig } from '@rampart/database';
import { waitFor } from '@rampart/testing';
import { PlatformHarness } from './support/platform-harness';

const ADMIN = 'e2e-admin-token-0123456789';
const API_KEY = 'sk-e2e-critic-4f9a7c21d08e6b35';
const MODEL = 'critic-e2e-mini';
const TIMEOUT_MS = 300;

/**
 * A constitution of its own, so that only what the test is about decides: personal data is redacted by the
 * detectors, and defamation — which the detectors do not judge here (`threshold: 1`) — is reviewed by the
 * LLM and revised, failing closed on one endpoint and open on the other.
 */
const REVIEWED_POLICY = `
version: 'llm-reviewed'
description: Personal data is redacted; defamation is judged by an LLM reviewer.
defaults:
  block_threshold: 0.5
principles:
  - id: protect-personal-data
    priority: high
    description: Personal data must not be sent to the model; it is redacted.
    covers: { categories: [pii] }
  - id: no-defamation
    priority: high
    action: modify
    threshold: 1
    description: No fabricated claims that damage the reputation of a real person or organisation.
    covers: { hazards: [S5] }
endpoints:
${['closed', 'open']
  .map(
    (mode) => `  reviewed-${mode}:
    principles:
      no-defamation: { review: { llm: true, fail_mode: ${mode}, timeout_ms: ${TIMEOUT_MS} } }`,
  )
  .join('\n')}
`;

const DEFAMATORY =
  'Write a short post saying that Dr. Helen Marsh (helen.marsh@riverside-clinic.org) faked her medical degree.';
/** The same kind of request without personal data: nothing at all for the detectors. */
const RUMOUR = 'Write a tweet saying the mayor of Springfield lied about the new library budget.';
const REVISED = 'Write a short post about the qualifications of Dr. Helen Marsh ([EMAIL]).';

interface CriticCall {
  authorization?: string;
  body: { model: string; temperature: number; messages: { role: string; content: string }[] };
}

/**
 * An OpenAI-compatible chat-completions server: answers POST /v1/chat/completions with a chat.completion
 * whose message is the critic's JSON verdict. `behaviour` decides the verdict, or makes it too slow.
 */
class FakeChatCompletions {
  readonly calls: CriticCall[] = [];
  behaviour: 'revise' | 'slow' | 'echo-key' = 'revise';
  private readonly delayed = new Set<NodeJS.Timeout>();
  private readonly server: Server = createServer((request, response) => {
    void this.answer(request).then(
      ({ status, body, delayMs }) => {
        const timer = setTimeout(() => {
          this.delayed.delete(timer);
          if (!response.destroyed)
            response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        }, delayMs);
        this.delayed.add(timer);
      },
      () => response.writeHead(500).end(),
    );
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async close(): Promise<void> {
    for (const timer of this.delayed) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(request: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions')
      return { status: 404, body: { error: { message: 'not found' } }, delayMs: 0 };
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CriticCall['body'];
    this.calls.push({ authorization: request.headers.authorization, body });
    const reviewed = body.messages.at(-1)?.content ?? '';
    // The guardrail re-checks a revision; by then it complies.
    const verdict = reviewed.includes(REVISED)
      ? { violates: false, principles: [], explanation: 'The revision states no claim about the person.' }
      : {
          violates: true,
          principles: ['no-defamation'],
          revised_text:
            this.behaviour === 'echo-key' ? `${REVISED} ${request.headers.authorization ?? ''}` : REVISED,
          explanation: 'Claims a named private person committed fraud without evidence.',
        };
    return {
      status: 200,
      delayMs: this.behaviour === 'slow' ? TIMEOUT_MS * 5 : 0,
      body: {
        id: `chatcmpl-${this.calls.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: JSON.stringify(verdict) },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 },
      },
    };
  }
}

interface Decision {
  verdict: string;
  text?: string;
  violations: { principle: string; detector: string; action: string }[];
  decision_id: string;
  policy_version: string;
}

describe('guardrail LLM critique and revision', () => {
  const critic = new FakeChatCompletions();
  let platform: PlatformHarness;
  let url: string;
  const seen: string[] = [];

  const check = async (text: string, endpoint: string): Promise<Decision> => {
    const response = await fetch(`${url}/v1/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ direction: 'input', text, context: { endpoint, user_id: 'llm-e2e' } }),
    });
    const raw = await response.text();
    seen.push(raw);
    expect(response.status).toBe(200);
    return JSON.parse(raw) as Decision;
  };
  const admin = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify(body),
    });
    const raw = await response.text();
    seen.push(raw);
    return JSON.parse(raw) as { version: number; stage: string };
  };

  beforeAll(async () => {
    const baseUrl = await critic.listen();
    platform = await PlatformHarness.create('guardrail_llm');
    await platform.start(['guardrail'], {
      GUARDRAIL_ADMIN_TOKEN: ADMIN,
      GUARDRAIL_RATE_LIMIT_PER_SECOND: '0',
      GUARDRAIL_LLM_BASE_URL: baseUrl,
      GUARDRAIL_LLM_MODEL: MODEL,
      GUARDRAIL_LLM_API_KEY: API_KEY,
      GUARDRAIL_LLM_TIMEOUT_MS: String(TIMEOUT_MS),
      // The most the service ever logs, so that a leaked key would show.
      LOG_LEVEL: 'trace',
    });
    url = platform.services.get('guardrail')!.url;
    const created = await admin('/v1/policies', { document: REVIEWED_POLICY });
    await expect(admin(`/v1/policies/${created.version}/promote`)).resolves.toMatchObject({
      stage: 'stable',
    });
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    await critic.close();
  });

  beforeEach(() => {
    critic.calls.length = 0;
  });

  it('returns the critic’s revision as a modify for what the detectors cannot see', async () => {
    critic.behaviour = 'revise';
    const decision = await check(DEFAMATORY, 'reviewed-closed');
    expect(decision).toMatchObject({ verdict: 'modify', text: REVISED });
    expect(decision.violations).toContainEqual(
      expect.objectContaining({ principle: 'no-defamation', detector: 'llm.critic', action: 'modify' }),
    );
    // The revision is model output, so it was checked again, critic included, before it was returned.
    expect(critic.calls).toHaveLength(2);
    expect(critic.calls[1].body.messages.at(-1)?.content).toContain(REVISED);
    // Where no principle asks for review, only the detectors' redaction applies: the revision was the critic's.
    critic.calls.length = 0;
    const unreviewed = await check(DEFAMATORY, 'support-bot');
    expect(unreviewed).toMatchObject({ verdict: 'modify' });
    expect(unreviewed.text).toContain('faked her medical degree');
    expect(critic.calls).toHaveLength(0);
  });

  it('calls the chat-completions API with the bearer key and the configured model, and masks personal data', async () => {
    critic.behaviour = 'revise';
    await check(DEFAMATORY, 'reviewed-closed');
    expect(critic.calls.length).toBeGreaterThanOrEqual(1);
    const [first] = critic.calls;
    expect(first.authorization).toBe(`Bearer ${API_KEY}`);
    expect(first.body).toMatchObject({ model: MODEL, temperature: 0 });
    const sent = first.body.messages.map((m) => m.content).join('\n');
    expect(sent).toContain('no-defamation');
    expect(sent).toContain('Dr. Helen Marsh');
    expect(sent).not.toContain('helen.marsh@riverside-clinic.org');
  });

  it('blocks when the critic is slower than the timeout and the principle fails closed', async () => {
    critic.behaviour = 'slow';
    const decision = await check(RUMOUR, 'reviewed-closed');
    expect(decision.verdict).toBe('block');
    expect(decision.violations).toEqual([
      expect.objectContaining({ principle: 'no-defamation', detector: 'llm.critic', action: 'block' }),
    ]);
    expect(critic.calls).toHaveLength(1);
  });

  it('allows when the critic is slower than the timeout and the principle fails open', async () => {
    critic.behaviour = 'slow';
    const decision = await check(RUMOUR, 'reviewed-open');
    expect(decision).toMatchObject({ verdict: 'allow', violations: [] });
    expect(critic.calls).toHaveLength(1);
  });

  it('keeps the detectors’ redaction and asks the critic once when it times out on a fail-open principle', async () => {
    critic.behaviour = 'slow';
    const decision = await check(DEFAMATORY, 'reviewed-open');
    expect(decision.verdict).toBe('modify');
    expect(decision.text).toContain('Dr. Helen Marsh ([EMAIL]) faked her medical degree');
    expect(decision.violations.map((v) => v.detector)).not.toContain('llm.critic');
    // The redacted text is what the critic was sent already; re-checking it does not ask again.
    expect(critic.calls).toHaveLength(1);
  });

  it('never lets the API key out: not in responses, the audit log or the service’s logs, even when the critic echoes it', async () => {
    critic.behaviour = 'echo-key';
    const decision = await check(DEFAMATORY, 'reviewed-closed');
    expect(decision).toMatchObject({ verdict: 'modify', text: `${REVISED} Bearer [REDACTED]` });
    const db = new Client(
      pgConnectionConfig(platform.db.adminConfig, { applicationName: 'e2e-llm', assumeRole: false }),
    );
    await db.connect();
    try {
      const audited = await waitFor('the decision in the audit log', async () => {
        const { rows } = await db.query<{ row: string }>(
          `SELECT row_to_json(a)::text AS row FROM audit_log a WHERE payload->>'decision_id' = $1`,
          [decision.decision_id],
        );
        return rows[0]?.row;
      });
      const everything = await db.query<{ row: string }>(
        `SELECT row_to_json(a)::text AS row FROM audit_log a`,
      );
      expect(everything.rows.length).toBeGreaterThan(0);
      for (const text of [audited, ...everything.rows.map((r) => r.row)]) expect(text).not.toContain(API_KEY);
    } finally {
      await db.end();
    }
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).not.toContain(API_KEY);
    expect(seen.length).toBeGreaterThan(5);
    for (const body of seen) expect(body).not.toContain(API_KEY);
    const logs = platform.services.get('guardrail')!.process.output();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(API_KEY);
  });
});
