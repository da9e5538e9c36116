import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { AuditLog } from '@rampart/audit';
import { EnvelopeFactory, OutboxWriter } from '@rampart/bus';
import { runWithContext } from '@rampart/observability';
import type { AttackCompletedData } from '../../../apps/adversary/src/services/attack-result.mapper';
import { AttackResultRecorder } from '../../../apps/adversary/src/services/attack-result.recorder';
import { createBusTestKit, type BusTestKit } from '../bus/bus-test-kit';

const result = (attackId: string = randomUUID()): AttackCompletedData => ({
  attackId,
  attemptId: `adv-${attackId}`,
  replayKey: 'rk1.x',
  persona: 'jailbreak_attacker',
  strategy: ['roleplay'],
  goalId: 'harmful-requests/x',
  goalCategory: 'S2',
  target: 'guardrail',
  targetKind: 'guardrail',
  turns: [],
  success: true,
  severity: 'critical',
  decidedBy: 'guardrail-verdict',
  reason: 'allowed',
  judgements: [],
  latencyMs: 1,
  dataVersion: 'v',
  seed: 's',
  refinements: [],
});

/** Attack results in the real Postgres: event and audit entry together, batched, once per queue job. */
describe('adversary attack result recorder', () => {
  let kit: BusTestKit;
  let recorder: AttackResultRecorder;

  beforeAll(async () => {
    kit = await createBusTestKit('attack_results');
    recorder = new AttackResultRecorder(
      {
        txHost: kit.txHost,
        outbox: new OutboxWriter(kit.txHost, kit.naming, new EnvelopeFactory('adversary'), 'adversary'),
        audit: new AuditLog({ txHost: kit.txHost, service: 'adversary', chainShards: 2 }),
        logger: pino({ level: 'silent' }),
      },
      { maxBatch: 50, maxWaitMs: 10 },
    );
  });

  afterAll(async () => {
    await kit.close();
  });

  const prisma = () => kit.db.prisma().prisma;
  const auditRows = (ids: string[]) =>
    prisma().$queryRaw<{ resource: string; correlation_id: string; tx: string }[]>`
      SELECT resource, correlation_id, xmin::text AS tx FROM audit_log WHERE resource = ANY(${ids.map((id) => `attack/${id}`)})`;

  it('commits each result with its event in shared transactions, keeping each result’s own correlation', async () => {
    const results = Array.from({ length: 40 }, () => result());
    const recorded = await Promise.all(
      results.map((r, i) => runWithContext({ correlationId: `corr-${i}` }, () => recorder.record(r))),
    );
    expect(recorded.every(Boolean)).toBe(true);
    const rows = await auditRows(results.map((r) => r.attackId));
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThanOrEqual(5);
    const byResource = new Map(rows.map((r) => [r.resource, r.correlation_id]));
    results.forEach((r, i) => expect(byResource.get(`attack/${r.attackId}`)).toBe(`corr-${i}`));
    const outbox = await prisma().outboxMessage.count({ where: { service: 'adversary' } });
    expect(outbox).toBeGreaterThanOrEqual(40);
  });

  it('records a queue job’s result once, however often the job runs (a crash after the commit)', async () => {
    const jobId = `job-${randomUUID()}`;
    const inbox = { consumer: 'queue:adversary.attacks', messageId: jobId, subject: 'adversary.attacks' };
    const first = result();
    const again = { ...result(first.attackId), attemptId: 'second-run' };
    await expect(recorder.record(first, inbox)).resolves.toBe(true);
    await expect(
      Promise.all([recorder.record(again, inbox), recorder.record(again, inbox)]),
    ).resolves.toEqual([false, false]);
    await expect(auditRows([first.attackId])).resolves.toHaveLength(1);
  });
});
