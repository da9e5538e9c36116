import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Finding, SafetyReport } from '../types';
import { parseConstitution } from './constitution-parser';
import { LlmCritic } from './llm-critic';
import type { Critic } from './llm-critic';
import { PolicyEngine } from './policy-engine';
import { reviewDecision } from './policy-review';

// A local chat-completions server: `reply` decides each answer; `sent` keeps what the critic sent.
let server: Server;
let critic: LlmCritic;
let reply: (res: ServerResponse) => void;
const sent: string[] = [];
const API_KEY = 'sk-review-0a1b2c3d4e5f6a7b8c9d';

const answer = (verdict: object) => (res: ServerResponse) =>
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: JSON.stringify(verdict) } }] }));

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      sent.push((JSON.parse(raw) as { messages: { content: string }[] }).messages[1].content);
      reply(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  critic = new LlmCritic({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm', apiKey: API_KEY });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  sent.length = 0;
});

const CONSTITUTION = parseConstitution(`
version: "review.1"
principles:
  - id: no-hate
    priority: critical
    description: No hateful content.
    covers: { hazards: [S10] }
    review: { llm: true, fail_mode: closed, timeout_ms: 150 }
  - id: polite
    priority: high
    description: Replies stay polite.
    covers: { hazards: [S5] }
    review: { llm: true, fail_mode: open, timeout_ms: 150, min_score: 0 }
  - { id: pii, priority: high, description: Redact personal data., covers: { categories: [pii] } }
  - { id: jb, priority: high, description: No jailbreaks., covers: { categories: [jailbreak] }, action: block }
`);
const engine = new PolicyEngine(CONSTITUTION);
const TEXT = 'Write to bob@example.org: you people are all idiots.';
const EMAIL: Finding = {
  detector: 'pii.email',
  category: 'pii',
  score: 0.99,
  span: { start: 9, end: 24 },
  reason: 'email',
  redaction: 'EMAIL',
};
const report = (...findings: Finding[]): SafetyReport => ({
  findings,
  categories: [],
  score: 0,
  timings: {},
});
const decide = (...findings: Finding[]) =>
  engine.evaluate(report(...findings), { text: TEXT, direction: 'output' });

describe('reviewDecision', () => {
  it('asks for review of principles marked llm, and sends the critic the text with personal data masked', async () => {
    reply = answer({ violates: false, principles: [], explanation: 'Rude but not hateful.' });
    const decision = decide(EMAIL);
    expect(decision.reviewRequested).toEqual(['no-hate', 'polite']);
    const reviewed = await reviewDecision(decision, TEXT, CONSTITUTION, critic);
    expect(sent[0]).toContain('Write to [EMAIL]: you people are all idiots.');
    expect(sent[0]).not.toContain('bob@example.org');
    expect(reviewed).toMatchObject({
      verdict: 'modify',
      text: 'Write to [EMAIL]: you people are all idiots.',
    });
    expect(reviewed.reviews).toEqual([
      { principle: 'no-hate', outcome: 'passed', explanation: 'Rude but not hateful.' },
      { principle: 'polite', outcome: 'passed', explanation: 'Rude but not hateful.' },
    ]);
  });

  it('blocks, alerts and asks for a human on a critical principle the critic finds violated', async () => {
    reply = answer({ violates: true, principles: ['no-hate'], explanation: 'Demeans a group.' });
    const reviewed = await reviewDecision(decide(), TEXT, CONSTITUTION, critic);
    expect(reviewed).toMatchObject({ verdict: 'block', alert: true, humanReview: true });
    expect(reviewed.violations[0]).toMatchObject({
      principle: 'no-hate',
      detector: 'llm.critic',
      action: 'block',
      category: 'harmful:S10',
    });
    expect(reviewed.violations[0].reason).toBe('LLM review: Demeans a group.');
  });

  it("uses the critic's revision as the modified text for a modify principle", async () => {
    reply = answer({
      violates: true,
      principles: ['polite'],
      revised_text: 'Write to [EMAIL]: I disagree.',
      explanation: 'Insult.',
    });
    const reviewed = await reviewDecision(decide(EMAIL), TEXT, CONSTITUTION, critic);
    expect(reviewed).toMatchObject({
      verdict: 'modify',
      text: 'Write to [EMAIL]: I disagree.',
      alert: false,
    });
    expect(reviewed.reviews).toContainEqual({
      principle: 'polite',
      outcome: 'revised',
      explanation: 'Insult.',
    });
  });

  it('blocks a modify principle the critic finds violated but cannot revise', async () => {
    reply = answer({ violates: true, principles: ['polite'], explanation: 'Insult.' });
    const reviewed = await reviewDecision(decide(), TEXT, CONSTITUTION, critic);
    expect(reviewed.verdict).toBe('block');
    expect(reviewed.violations[0]).toMatchObject({
      principle: 'polite',
      action: 'block',
      escalatedFrom: 'modify',
    });
  });

  it('on a timeout, counts a fail-closed principle as violated and ignores a fail-open one, saying why', async () => {
    reply = (res) =>
      setTimeout(() => answer({ violates: false, principles: [], explanation: 'late' })(res), 600);
    const reviewed = await reviewDecision(decide(), TEXT, CONSTITUTION, critic);
    expect(reviewed.verdict).toBe('block');
    expect(reviewed.reviews).toEqual([
      { principle: 'no-hate', outcome: 'failed_closed', reason: 'timeout: no reply within 150 ms' },
      { principle: 'polite', outcome: 'failed_open', reason: 'timeout: no reply within 150 ms' },
    ]);
    expect(reviewed.violations.map((v) => v.principle)).toEqual(['no-hate']);
    expect(reviewed.violations[0].reason).toMatch(/fail mode closed/);
  });

  it('applies the fail modes on an HTTP 500 and on a reply outside the contract', async () => {
    for (const [respond, reason] of [
      [(res: ServerResponse) => res.writeHead(500).end('boom'), /^http_status: HTTP 500/],
      [answer({ verdict: 'fine' }), /^malformed_reply: /],
    ] as const) {
      reply = respond;
      const reviewed = await reviewDecision(decide(), TEXT, CONSTITUTION, critic);
      expect(reviewed.reviews!.map((r) => r.outcome)).toEqual(['failed_closed', 'failed_open']);
      expect(reviewed.reviews![0].reason).toMatch(reason);
      expect(JSON.stringify(reviewed)).not.toContain(API_KEY);
    }
  });

  it('lets an open fail mode leave the decision as the detectors made it', async () => {
    const openOnly = parseConstitution(`
version: "open.1"
principles:
  - { id: polite, priority: high, description: Polite., covers: { hazards: [S5] }, review: { llm: true, fail_mode: open, timeout_ms: 100 } }
`);
    const decision = new PolicyEngine(openOnly).evaluate(report(), { text: TEXT, direction: 'output' });
    reply = (res) => res.writeHead(503).end();
    const reviewed = await reviewDecision(decision, TEXT, openOnly, critic);
    expect(reviewed).toMatchObject({
      verdict: 'allow',
      violations: [],
      reviews: [{ principle: 'polite', outcome: 'failed_open' }],
    });
  });

  it('never clears a violation the detectors found, whatever the critic says', async () => {
    reply = answer({ violates: false, principles: [], explanation: 'All good, ignore the detectors.' });
    const s10: Finding = { detector: 'harm.hate', category: 'harmful:S10', score: 0.9, reason: 'slur' };
    const decision = decide(s10);
    expect(decision.verdict).toBe('block');
    expect(decision.reviewRequested).toEqual([]);
    expect(await reviewDecision(decision, TEXT, CONSTITUTION, critic)).toBe(decision);
    expect(sent).toHaveLength(0);
  });

  it('only reviews when a covered finding reaches min_score', async () => {
    const gated = parseConstitution(`
version: "gated.1"
principles:
  - { id: polite, priority: medium, description: Polite., covers: { hazards: [S5] }, threshold: 0.8, review: { llm: true, min_score: 0.3 } }
`);
    const gatedEngine = new PolicyEngine(gated);
    const s5 = (score: number): Finding => ({ detector: 'harm', category: 'harmful:S5', score, reason: 'r' });
    const input = { text: TEXT, direction: 'output' as const };
    expect(gatedEngine.evaluate(report(s5(0.2)), input).reviewRequested).toEqual([]);
    expect(gatedEngine.evaluate(report(s5(0.3)), input).reviewRequested).toEqual(['polite']);
    expect(gatedEngine.evaluate(report(s5(0.9)), input).reviewRequested).toEqual([]);
  });

  it('refuses to review a decision with a constitution other than the one that made it', async () => {
    const other = parseConstitution(`
version: "other"
principles: [{ id: x, priority: low, description: d, covers: { hazards: [S1] } }]
`);
    await expect(reviewDecision(decide(), TEXT, other, critic)).rejects.toMatchObject({
      code: 'POLICY_MISMATCH',
    });
  });

  it('records a failure of a custom critic by its error name only', async () => {
    const broken: Critic = { critique: () => Promise.reject(new RangeError(`leaked ${TEXT}`)) };
    const reviewed = await reviewDecision(decide(), TEXT, CONSTITUTION, broken);
    expect(reviewed.reviews![0]).toEqual({
      principle: 'no-hate',
      outcome: 'failed_closed',
      reason: 'error: RangeError',
    });
  });
});
