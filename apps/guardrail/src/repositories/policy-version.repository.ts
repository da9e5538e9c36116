import { Injectable } from '@nestjs/common';
import { TransactionHost, type Prisma } from '@rampart/database';

export type PolicyStage = 'draft' | 'shadow' | 'canary' | 'stable' | 'retired' | 'rolled_back';

export interface PolicyVersionRow {
  version: number;
  label: string;
  document: string;
  digest: string;
  stage: PolicyStage;
  canaryPercent: number;
  createdBy: string;
  createdAt: Date;
  stageChangedAt: Date;
  stageReason: string | null;
}

const ACTIVE: PolicyStage[] = ['stable', 'shadow', 'canary'];

/** The only code that touches guardrail_policy_version and guardrail_false_positive. */
@Injectable()
export class PolicyVersionRepository {
  constructor(private readonly txHost: TransactionHost) {}

  async findActive(): Promise<PolicyVersionRow[]> {
    return (await this.txHost.client.guardrailPolicyVersion.findMany({
      where: { stage: { in: ACTIVE } },
    })) as PolicyVersionRow[];
  }

  async find(version: number): Promise<PolicyVersionRow | undefined> {
    return ((await this.txHost.client.guardrailPolicyVersion.findUnique({ where: { version } })) ??
      undefined) as PolicyVersionRow | undefined;
  }

  async findByDigest(digest: string): Promise<PolicyVersionRow | undefined> {
    return ((await this.txHost.client.guardrailPolicyVersion.findUnique({ where: { digest } })) ??
      undefined) as PolicyVersionRow | undefined;
  }

  /** The latest stage change: replicas poll it to notice a rollout they missed. */
  async lastChange(): Promise<Date | undefined> {
    const result = await this.txHost.client.guardrailPolicyVersion.aggregate({
      _max: { stageChangedAt: true },
    });
    return result._max.stageChangedAt ?? undefined;
  }

  async list(limit: number): Promise<PolicyVersionRow[]> {
    return (await this.txHost.client.guardrailPolicyVersion.findMany({
      orderBy: { version: 'desc' },
      take: limit,
    })) as PolicyVersionRow[];
  }

  async create(data: {
    label: string;
    document: string;
    digest: string;
    stage: PolicyStage;
    createdBy: string;
  }) {
    return (await this.txHost.client.guardrailPolicyVersion.create({ data })) as PolicyVersionRow;
  }

  /**
   * Moves a version to a stage if it is still in one of the expected stages; returns false when another
   * change won the race. The partial unique indexes refuse a second stable or a second candidate.
   */
  async moveStage(
    version: number,
    from: PolicyStage[],
    to: { stage: PolicyStage; canaryPercent?: number; reason: string },
  ): Promise<boolean> {
    const data: Prisma.GuardrailPolicyVersionUpdateManyMutationInput = {
      stage: to.stage,
      stageReason: to.reason,
      stageChangedAt: new Date(),
      ...(to.canaryPercent === undefined ? {} : { canaryPercent: to.canaryPercent }),
    };
    const result = await this.txHost.client.guardrailPolicyVersion.updateMany({
      where: { version, stage: { in: from } },
      data,
    });
    return result.count === 1;
  }

  /** The version that was stable before the current one, to restore on a rollback of stable. */
  async previousStable(excluding: number): Promise<PolicyVersionRow | undefined> {
    return ((await this.txHost.client.guardrailPolicyVersion.findFirst({
      where: { stage: 'retired', version: { not: excluding } },
      orderBy: { stageChangedAt: 'desc' },
    })) ?? undefined) as PolicyVersionRow | undefined;
  }

  async reportFalsePositive(report: {
    id: string;
    decisionId: string;
    policyVersion: number;
    reportedBy: string;
    reason: string;
  }): Promise<boolean> {
    const result = await this.txHost.client.guardrailFalsePositive.createMany({
      data: [report],
      skipDuplicates: true,
    });
    return result.count === 1;
  }

  async countFalsePositives(policyVersion: number, since: Date): Promise<number> {
    return this.txHost.client.guardrailFalsePositive.count({
      where: { policyVersion, createdAt: { gte: since } },
    });
  }
}
