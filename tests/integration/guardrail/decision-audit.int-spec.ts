import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { AuditLog } from '@rampart/audit';
import type { EventDelivery } from '@rampart/bus';
import type { EventMessage, GuardrailDecisionV1 } from '@rampart/contracts';
import { DecisionAuditWriter } from '../../../apps/guardrail/src/services/decision-audit.writer';
import { createBusTestKit, type BusTestKit } from '../bus/bus-test-kit';

type Decision = EventMessage<typeof GuardrailDecisionV1>;

const decision = (overrides: Partial<Decision> = {}): Decision =>
  ({
    decisionId: randomUUID(),
    verdict: 'block',
    score: 0.93,
    categories: ['prompt_injection'],
    violations: [
      {
        principle: 'no-prompt-injection',
        severity: 'high',
        action: 'block',
        detector: 'injection.direct',
        category: 'prompt_injection',
        score: 0.93,
        evidence: { start: 0, end: 10, excerpt: 'Ignore all' },
      },
    ],
    policyVersion: '1',
    policyTrack: 'stable',
    direction: 'input',
    conversationId: 'c-1',
    endpoint: 'support-bot',
    userId: 'u-1',
    latencyMs: 0.4,
    sampled: false,
    ...overrides,
  }) as Decision;

const delivery = (id: string, deliveryCount = 1): EventDelivery => ({
  envelope: {
    id,
    source: 'rampart/guardrail',
    type: 'guardrail.decision.v1',
    specversion: '1.0',
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: 'rampart.guardrail.v1.DecisionMade',
    correlationid: `corr-${id}`,
  },
  subject: 'test.guardrail.decision.v1',
  deliveryCount,
  streamSequence: 1,
  consumer: 'guardrail_decision-audit',
});

/** The decision audit's batched writes against the real Postgres: exactly once, and isolated failures. */
describe('guardrail decision audit writer', () => {
  let kit: BusTestKit;
  let writer: DecisionAuditWriter;

  beforeAll(async () => {
    kit = await createBusTestKit('decision_audit');
    writer = new DecisionAuditWriter({
      txHost: kit.txHost,
      audit: new AuditLog({ txHost: kit.txHost, service: 'guardrail', chainShards: 2 }),
      logger: pino({ level: 'silent' }),
      maxBatch: 20,
      maxWaitMs: 10,
    });
  });

  afterAll(async () => {
    await kit.close();
  });

  const auditRows = (decisionIds: string[]) =>
    kit.db.prisma().prisma.$queryRaw<
      { decision_id: string; correlation_id: string; causation_id: string; tx: string }[]
    >`
      SELECT payload->>'decision_id' AS decision_id, correlation_id, causation_id, xmin::text AS tx
      FROM audit_log WHERE payload->>'decision_id' = ANY(${decisionIds})`;

  it('writes concurrent decisions in shared transactions, each exactly once however often it is delivered', async () => {
    const events = Array.from({ length: 50 }, () => ({ id: randomUUID(), decision: decision() }));
    const first = events.map((e) => writer.write(e.decision, delivery(e.id)));
    // JetStream redelivers some before the first attempt committed, and some after.
    const early = events.slice(0, 5).map((e) => writer.write(e.decision, delivery(e.id, 2)));
    await Promise.all([...first, ...early]);
    await Promise.all(events.slice(5, 10).map((e) => writer.write(e.decision, delivery(e.id, 3))));

    const rows = await auditRows(events.map((e) => e.decision.decisionId));
    expect(rows.map((r) => r.decision_id).sort()).toEqual(events.map((e) => e.decision.decisionId).sort());
    const byDecision = new Map(rows.map((r) => [r.decision_id, r]));
    for (const { id, decision: d } of events)
      expect(byDecision.get(d.decisionId)).toMatchObject({ correlation_id: `corr-${id}`, causation_id: id });
    // Rows committed together share their transaction id: far fewer commits than decisions.
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThanOrEqual(10);
  });

  it('writes the rest of a batch when one decision in it cannot be written, and fails only that one', async () => {
    const good = Array.from({ length: 5 }, () => ({ id: randomUUID(), decision: decision() }));
    const bad = { id: randomUUID(), decision: decision({ userId: 'x'.repeat(2_000) }) };
    const results = await Promise.allSettled(
      [...good.slice(0, 2), bad, ...good.slice(2)].map((e) => writer.write(e.decision, delivery(e.id))),
    );

    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'AUDIT_INVALID_ENTRY' });
    await expect(auditRows(good.map((e) => e.decision.decisionId))).resolves.toHaveLength(5);
    // Its inbox row rolled back with it: a later delivery (after a fix) is not mistaken for a duplicate.
    const inbox = await kit.db.prisma().prisma.inboxMessage.count({ where: { messageId: bad.id } });
    expect(inbox).toBe(0);
  });
});
