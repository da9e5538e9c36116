import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { OutboxWriter } from '@rampart/bus';
import { GuardrailPolicyPublishedV1, GuardrailPolicyRolledBackV1, isRampartError } from '@rampart/contracts';
import { TransactionHost } from '@rampart/database';
import { AuditService } from '@rampart/platform';
import {
  PolicyVersionRepository,
  type PolicyStage,
  type PolicyVersionRow,
} from '../repositories/policy-version.repository';
import { GuardrailError } from './guardrail-error';
import { POLICY_COMPILER, type PolicyCompiler } from './policy-compiler';

/** Canary steps: a share of conversations, then the next, then everyone. */
export const CANARY_STEPS = [1, 5, 25, 100] as const;

export interface RollbackEvidence {
  canary: Record<string, number>;
  stable: Record<string, number>;
}

/**
 * The rollout of constitution versions: draft → shadow (evaluated, not enforced) → canary (1% → 5% → 25%
 * → 100% of conversations) → stable, or rolled back. Every change commits with its audit entry and its
 * event in one transaction; replicas reload on the event (and by polling).
 */
@Injectable()
export class PolicyRolloutService {
  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly txHost: TransactionHost,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
    @Inject(POLICY_COMPILER) private readonly compiler: PolicyCompiler,
  ) {}

  /** Stores a new version as a draft after validating it; the same document is stored once. */
  async createDraft(document: string, by: string): Promise<PolicyVersionRow> {
    const digest = createHash('sha256').update(document).digest('hex');
    const existing = await this.versions.findByDigest(digest);
    if (existing) return existing;
    const label = this.validate(document);
    return this.txHost.run(async () => {
      const row = await this.versions.create({ label, document, digest, stage: 'draft', createdBy: by });
      await this.record(by, 'guardrail.policy.created', row, `draft ${label}`);
      return row;
    });
  }

  /** Seeds the shipped constitution as the first stable version when there is none. */
  async ensureStable(): Promise<void> {
    const active = await this.versions.findActive();
    if (active.some((row) => row.stage === 'stable')) return;
    const document = this.compiler.defaultDocument();
    try {
      await this.txHost.run(async () => {
        const digest = createHash('sha256').update(document).digest('hex');
        const row =
          (await this.versions.findByDigest(digest)) ??
          (await this.versions.create({
            label: this.validate(document),
            document,
            digest,
            stage: 'draft',
            createdBy: 'service:guardrail',
          }));
        await this.versions.moveStage(row.version, ['draft', 'retired', 'rolled_back'], {
          stage: 'stable',
          reason: 'default constitution seeded',
        });
        await this.publish(row.version, row.label, 'stable', 0, 'service:guardrail');
      });
    } catch (error) {
      // Another replica seeded it first: the unique index on stable says so.
      if (!(await this.versions.findActive()).some((row) => row.stage === 'stable')) throw error;
    }
  }

  async startShadow(version: number, by: string): Promise<PolicyVersionRow> {
    return this.transition(
      version,
      ['draft'],
      { stage: 'shadow', canaryPercent: 0 },
      by,
      'shadow evaluation started',
    );
  }

  async startCanary(version: number, by: string): Promise<PolicyVersionRow> {
    return this.transition(
      version,
      ['draft', 'shadow'],
      { stage: 'canary', canaryPercent: CANARY_STEPS[0] },
      by,
      'canary started',
    );
  }

  /**
   * The next canary step; advancing from 100% promotes the version to stable. 100% is a step of its own
   * (every conversation on the candidate while stable is still one rollback away), as documented.
   */
  async advanceCanary(version: number, by: string): Promise<PolicyVersionRow> {
    const row = await this.require(version);
    if (row.stage !== 'canary') throw conflict(`Version ${version} is ${row.stage}, not canary`);
    const next = CANARY_STEPS.find((step) => step > row.canaryPercent);
    if (next === undefined) return this.promote(version, by);
    return this.transition(
      version,
      ['canary'],
      { stage: 'canary', canaryPercent: next },
      by,
      `canary at ${next}%`,
    );
  }

  /** Makes a candidate the stable version; the previous stable version is retired. */
  async promote(version: number, by: string): Promise<PolicyVersionRow> {
    return this.txHost.run(async () => {
      const stable = (await this.versions.findActive()).find((row) => row.stage === 'stable');
      if (stable && stable.version !== version) {
        await this.versions.moveStage(stable.version, ['stable'], {
          stage: 'retired',
          reason: `replaced by ${version}`,
        });
      }
      return this.transition(
        version,
        ['draft', 'shadow', 'canary'],
        { stage: 'stable', canaryPercent: 0 },
        by,
        'promoted to stable',
      );
    });
  }

  /**
   * Withdraws a candidate (stable stays), or — for the stable version itself — restores the version that
   * was stable before it. Publishes guardrail.policy.rolledback.v1 with the evidence that triggered it.
   */
  async rollback(
    version: number,
    reason: string,
    initiatedBy: 'automatic' | 'manual',
    by: string,
    evidence?: RollbackEvidence,
  ) {
    return this.txHost.run(async () => {
      const row = await this.require(version);
      let restored: PolicyVersionRow | undefined = (await this.versions.findActive()).find(
        (r) => r.stage === 'stable',
      );
      if (row.stage === 'stable') {
        restored = await this.versions.previousStable(version);
        if (!restored)
          throw conflict(`Version ${version} is the only stable version there has been: nothing to restore`);
        await this.move(version, ['stable'], { stage: 'rolled_back', canaryPercent: 0 }, reason);
        await this.move(
          restored.version,
          ['retired'],
          { stage: 'stable', canaryPercent: 0 },
          `restored after rollback of ${version}`,
        );
      } else {
        await this.move(version, ['shadow', 'canary'], { stage: 'rolled_back', canaryPercent: 0 }, reason);
      }
      await this.outbox.enqueue(
        GuardrailPolicyRolledBackV1,
        {
          version,
          restoredVersion: restored?.version ?? 0,
          reason,
          initiatedBy,
          canaryMetrics: evidence?.canary ?? {},
          stableMetrics: evidence?.stable ?? {},
        },
        { subject: `policy/${version}` },
      );
      await this.audit.record({
        actor: by,
        action: 'guardrail.policy.rolled_back',
        resource: `guardrail-policy/${version}`,
        reason,
        rule: initiatedBy === 'automatic' ? 'canary-trigger' : undefined,
        evidence: evidence ? { canary: evidence.canary, stable: evidence.stable } : undefined,
        payload: { restored_version: restored?.version ?? null, initiated_by: initiatedBy },
      });
      return this.require(version);
    });
  }

  private async transition(
    version: number,
    from: PolicyStage[],
    to: { stage: PolicyStage; canaryPercent: number },
    by: string,
    reason: string,
  ): Promise<PolicyVersionRow> {
    return this.txHost.run(async () => {
      await this.move(version, from, to, reason);
      const row = await this.require(version);
      await this.record(by, `guardrail.policy.${to.stage}`, row, reason);
      if (to.stage !== 'draft') await this.publish(version, row.label, to.stage, to.canaryPercent, by);
      return row;
    });
  }

  private async move(
    version: number,
    from: PolicyStage[],
    to: { stage: PolicyStage; canaryPercent: number },
    reason: string,
  ) {
    const row = await this.require(version);
    let moved: boolean;
    try {
      moved = await this.versions.moveStage(version, from, { ...to, reason });
    } catch (error) {
      throw conflict(
        `Another version is already ${to.stage === 'stable' ? 'stable' : 'in shadow or canary'}: finish or roll it back first`,
        error,
      );
    }
    if (!moved) throw conflict(`Version ${version} is ${row.stage}; expected ${from.join(' or ')}`);
  }

  private async require(version: number): Promise<PolicyVersionRow> {
    const row = await this.versions.find(version);
    if (!row) throw new GuardrailError('GUARDRAIL_POLICY_NOT_FOUND', `No policy version ${version}`);
    return row;
  }

  private validate(document: string): string {
    try {
      return this.compiler.compile(document, 0).label;
    } catch (error) {
      if (isRampartError(error)) throw error;
      throw new GuardrailError(
        'GUARDRAIL_REQUEST_INVALID',
        `Invalid constitution: ${(error as Error).message}`,
      );
    }
  }

  private async publish(version: number, label: string, stage: string, canaryPercent: number, by: string) {
    await this.outbox.enqueue(
      GuardrailPolicyPublishedV1,
      { version, label, stage, canaryPercent, publishedBy: by },
      { subject: `policy/${version}` },
    );
  }

  private async record(by: string, action: string, row: PolicyVersionRow, reason: string) {
    await this.audit.record({
      actor: by,
      action,
      resource: `guardrail-policy/${row.version}`,
      reason,
      payload: { label: row.label, digest: row.digest, stage: row.stage, canary_percent: row.canaryPercent },
    });
  }
}

function conflict(message: string, cause?: unknown): GuardrailError {
  return new GuardrailError('GUARDRAIL_POLICY_CONFLICT', message, { cause });
}
