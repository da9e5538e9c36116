import pino from 'pino';
import { AuditLog } from '@rampart/audit';
import { EnvelopeFactory, OutboxRelay, OutboxWriter, silentLogger } from '@rampart/bus';
import { HEADER } from '@rampart/contracts';
import { AuditService } from '@rampart/platform';
import { defaultConstitutionSource } from '@rampart/safety';
import { readStream } from '@rampart/testing';
import { PolicyVersionRepository } from '../../../apps/guardrail/src/repositories/policy-version.repository';
import { PolicyRolloutService } from '../../../apps/guardrail/src/services/policy-rollout.service';
import { canaryBucket, PolicyStore } from '../../../apps/guardrail/src/services/policy-store.service';
import { SafetyPolicyCompiler } from '../../../apps/guardrail/src/services/safety-policy-compiler';
import { createBusTestKit, type BusTestKit } from '../bus/bus-test-kit';

/** A constitution that differs from the shipped one only in its label, so it is stored as its own version. */
const documentLabelled = (label: string) =>
  defaultConstitutionSource().replace(/version: '[^']+'/, `version: '${label}'`);

/** The first conversation id (of a family) that a canary at `percent` routes to the candidate. */
const conversationOnCanary = (percent: number) => {
  for (let i = 0; ; i++) if (canaryBucket(`rollout-${i}`) < percent) return `rollout-${i}`;
};

interface OutboxEvent {
  type: string;
  data: Record<string, unknown>;
}

/**
 * The rollout state machine on the real Postgres: stages, the unique indexes that keep one stable and one
 * candidate, and the audit entry and outbox event every change commits with. Each test gets its own schema.
 */
describe('guardrail policy rollout', () => {
  let kit: BusTestKit;
  let versions: PolicyVersionRepository;
  let rollout: PolicyRolloutService;
  let store: PolicyStore;

  beforeEach(async () => {
    kit = await createBusTestKit('policy_rollout');
    const compiler = new SafetyPolicyCompiler(undefined);
    const audit = new AuditService(
      new AuditLog({ txHost: kit.txHost, service: 'guardrail', chainShards: 2 }),
    );
    const outbox = new OutboxWriter(kit.txHost, kit.naming, new EnvelopeFactory('guardrail'), 'guardrail');
    versions = new PolicyVersionRepository(kit.txHost);
    rollout = new PolicyRolloutService(versions, kit.txHost, outbox, audit, compiler);
    store = new PolicyStore(versions, compiler, pino({ level: 'silent' }));
    await rollout.ensureStable();
  });

  afterEach(async () => {
    await kit.close();
  });

  const prisma = () => kit.db.prisma().prisma;
  const stages = async () =>
    Object.fromEntries(
      (await prisma().guardrailPolicyVersion.findMany({ orderBy: { version: 'asc' } })).map((row) => [
        row.version,
        row.stage === 'canary' ? `canary ${row.canaryPercent}%` : row.stage,
      ]),
    );
  const auditActions = async (version: number) =>
    (
      await prisma().auditEntry.findMany({
        where: { resource: `guardrail-policy/${version}` },
        orderBy: { seq: 'asc' },
      })
    ).map((entry) => entry.action);
  /** Events waiting in the outbox, oldest first (ids are time-ordered UUIDv7). */
  const outboxEvents = async (): Promise<OutboxEvent[]> =>
    (await prisma().outboxMessage.findMany({ where: { service: 'guardrail' }, orderBy: { id: 'asc' } })).map(
      (row) => ({
        type: (row.headers as Record<string, string>)[HEADER.type],
        data: JSON.parse(Buffer.from(row.payload).toString('utf8')) as Record<string, unknown>,
      }),
    );
  const eventsAbout = async (version: number) =>
    (await outboxEvents()).filter((event) => event.data.version === version);

  it('walks a draft through shadow and every canary step to stable, retiring the previous stable, and publishes each step', async () => {
    const draft = await rollout.createDraft(documentLabelled('walk'), 'user:alice');
    expect(draft).toMatchObject({ version: 2, stage: 'draft', label: 'walk' });

    const seen: string[] = [(await rollout.startShadow(2, 'user:alice')).stage];
    const started = await rollout.startCanary(2, 'user:alice');
    seen.push(`${started.stage} ${started.canaryPercent}%`);
    for (let i = 0; i < 4; i++) {
      const row = await rollout.advanceCanary(2, 'user:alice');
      seen.push(row.stage === 'canary' ? `canary ${row.canaryPercent}%` : row.stage);
    }

    expect(seen).toEqual(['shadow', 'canary 1%', 'canary 5%', 'canary 25%', 'canary 100%', 'stable']);
    await expect(stages()).resolves.toEqual({ 1: 'retired', 2: 'stable' });
    await expect(auditActions(2)).resolves.toEqual([
      'guardrail.policy.created',
      'guardrail.policy.shadow',
      'guardrail.policy.canary',
      'guardrail.policy.canary',
      'guardrail.policy.canary',
      'guardrail.policy.canary',
      'guardrail.policy.stable',
    ]);
    const published = await eventsAbout(2);
    expect(published.map((e) => e.type)).toEqual(new Array(6).fill('guardrail.policy.published.v1'));
    expect(published.map((e) => [e.data.stage, e.data.canary_percent])).toEqual([
      ['shadow', 0],
      ['canary', 1],
      ['canary', 5],
      ['canary', 25],
      ['canary', 100],
      ['stable', 0],
    ]);
    expect(published.every((e) => e.data.published_by === 'user:alice')).toBe(true);

    // The relay turns the committed outbox rows into the events replicas reload on.
    await new OutboxRelay({
      txHost: kit.txHost,
      publisher: kit.publisher,
      service: 'guardrail',
      schema: kit.db.config.schema,
      pollIntervalMs: 60_000,
      logger: silentLogger,
    }).drainOnce();
    const stream = await readStream(kit.connection.jsm, kit.naming.stream('GUARDRAIL'));
    expect(stream.filter((m) => m.subject.endsWith('guardrail.policy.published.v1'))).toHaveLength(7);
    await expect(outboxEvents()).resolves.toEqual([]);
  });

  it('lets exactly one of two concurrent candidates start, and records nothing for the one that lost', async () => {
    const a = await rollout.createDraft(documentLabelled('race-a'), 'user:alice');
    const b = await rollout.createDraft(documentLabelled('race-b'), 'user:bob');
    const before = (await outboxEvents()).length;

    const results = await Promise.allSettled([
      rollout.startCanary(a.version, 'user:alice'),
      rollout.startShadow(b.version, 'user:bob'),
    ]);

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'GUARDRAIL_POLICY_CONFLICT', status: 409 });
    const winner = results[0].status === 'fulfilled' ? a.version : b.version;
    const loser = winner === a.version ? b.version : a.version;
    const active = await versions.findActive();
    expect(
      active.map((row) => [row.version, row.stage === 'stable' ? 'stable' : 'candidate']).sort(),
    ).toEqual([
      [1, 'stable'],
      [winner, 'candidate'],
    ]);
    await expect(versions.find(loser)).resolves.toMatchObject({ stage: 'draft' });
    await expect(auditActions(loser)).resolves.toEqual(['guardrail.policy.created']);
    expect(await outboxEvents()).toHaveLength(before + 1);
    await expect(eventsAbout(loser)).resolves.toEqual([]);

    // Still refused once the race is over: a second candidate has to wait for the first to finish.
    await expect(rollout.startCanary(loser, 'user:bob')).rejects.toMatchObject({
      code: 'GUARDRAIL_POLICY_CONFLICT',
    });
  });

  it('rolls a canary back: its conversations are routed to stable again, and the rollback is audited and published', async () => {
    const candidate = await rollout.createDraft(documentLabelled('to-withdraw'), 'user:alice');
    await rollout.startCanary(candidate.version, 'user:alice');
    await rollout.advanceCanary(candidate.version, 'user:alice');
    const conversation = conversationOnCanary(5);
    await store.reload(true);
    expect(store.route(conversation)).toMatchObject({
      track: 'canary',
      enforced: { version: candidate.version },
    });

    const row = await rollout.rollback(
      candidate.version,
      'blocks far more than stable',
      'automatic',
      'service:guardrail',
      { canary: { blockRate: 0.4 }, stable: { blockRate: 0.02 } },
    );

    expect(row).toMatchObject({
      stage: 'rolled_back',
      canaryPercent: 0,
      stageReason: 'blocks far more than stable',
    });
    await store.reload();
    expect(store.candidateState).toBeUndefined();
    expect(store.route(conversation)).toMatchObject({ track: 'stable', enforced: { version: 1 } });
    await expect(stages()).resolves.toEqual({ 1: 'stable', [candidate.version]: 'rolled_back' });
    expect((await auditActions(candidate.version)).at(-1)).toBe('guardrail.policy.rolled_back');
    const rolledBack = (await eventsAbout(candidate.version)).at(-1);
    expect(rolledBack).toEqual({
      type: 'guardrail.policy.rolledback.v1',
      data: {
        version: candidate.version,
        restored_version: 1,
        reason: 'blocks far more than stable',
        initiated_by: 'automatic',
        canary_metrics: { blockRate: 0.4 },
        stable_metrics: { blockRate: 0.02 },
      },
    });
    // A version that was withdrawn cannot come back as a candidate by mistake.
    await expect(rollout.startCanary(candidate.version, 'user:alice')).rejects.toMatchObject({
      code: 'GUARDRAIL_POLICY_CONFLICT',
    });
  });

  it('rolls the stable version back to the version that was stable before it', async () => {
    const second = await rollout.createDraft(documentLabelled('second'), 'user:alice');
    await rollout.promote(second.version, 'user:alice');
    const third = await rollout.createDraft(documentLabelled('third'), 'user:alice');
    await rollout.promote(third.version, 'user:alice');
    await expect(stages()).resolves.toEqual({ 1: 'retired', 2: 'retired', 3: 'stable' });

    await rollout.rollback(third.version, 'customers report blocked refunds', 'manual', 'user:bob');

    await expect(stages()).resolves.toEqual({ 1: 'retired', 2: 'stable', 3: 'rolled_back' });
    await store.reload(true);
    expect(store.stableVersion).toBe(2);
    expect((await auditActions(third.version)).at(-1)).toBe('guardrail.policy.rolled_back');
    const entry = await prisma().auditEntry.findFirstOrThrow({
      where: { resource: `guardrail-policy/${third.version}`, action: 'guardrail.policy.rolled_back' },
    });
    expect(entry).toMatchObject({ actor: 'user:bob', reason: 'customers report blocked refunds' });
    expect(entry.payload).toMatchObject({ restored_version: 2, initiated_by: 'manual' });
    await expect(eventsAbout(third.version)).resolves.toContainEqual({
      type: 'guardrail.policy.rolledback.v1',
      data: expect.objectContaining({ restored_version: 2, initiated_by: 'manual' }),
    });
  });

  it('refuses a change the state machine does not allow, and writes no audit entry or event for it', async () => {
    const draft = await rollout.createDraft(documentLabelled('refused'), 'user:alice');
    const before = { events: (await outboxEvents()).length, audit: await auditActions(draft.version) };

    await expect(rollout.advanceCanary(draft.version, 'user:alice')).rejects.toMatchObject({
      code: 'GUARDRAIL_POLICY_CONFLICT',
    });
    await expect(
      rollout.rollback(draft.version, 'not live yet', 'manual', 'user:alice'),
    ).rejects.toMatchObject({ code: 'GUARDRAIL_POLICY_CONFLICT' });
    // The seeded version has never had a predecessor to restore.
    await expect(rollout.rollback(1, 'nothing to go back to', 'manual', 'user:alice')).rejects.toMatchObject({
      code: 'GUARDRAIL_POLICY_CONFLICT',
    });

    await expect(stages()).resolves.toEqual({ 1: 'stable', [draft.version]: 'draft' });
    expect(await outboxEvents()).toHaveLength(before.events);
    await expect(auditActions(draft.version)).resolves.toEqual(before.audit);
  });
});
