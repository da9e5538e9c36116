import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Req, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { parseRequest } from '@rampart/platform';
import { PolicyVersionRepository, type PolicyVersionRow } from '../repositories/policy-version.repository';
import { CanaryMonitor } from '../services/canary-monitor.service';
import { GuardrailError } from '../services/guardrail-error';
import { PolicyRolloutService } from '../services/policy-rollout.service';
import { PolicyStore } from '../services/policy-store.service';
import { AdminTokenGuard } from './admin-token.guard';

interface AdminRequest {
  adminActor?: string;
}

const CreateBody = z.strictObject({ document: z.string().min(1).max(1_000_000) });
const RollbackBody = z.strictObject({
  reason: z.string().min(10, 'say why (at least 10 characters)').max(2_000),
});

const ACTIONS = ['shadow', 'canary', 'advance', 'promote', 'rollback'] as const;

/** Policy administration: versions, rollout stages and the canary comparison. Needs the admin token. */
@Controller('v1/policies')
@UseGuards(AdminTokenGuard)
export class PolicyController {
  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly rollout: PolicyRolloutService,
    private readonly store: PolicyStore,
    private readonly monitor: CanaryMonitor,
  ) {}

  @Get()
  async list() {
    return { versions: (await this.versions.list(100)).map(summary), active: this.active() };
  }

  /** What the automatic rollback sees right now: the candidate against stable over the window. */
  @Get('canary')
  async canary() {
    return { active: this.active(), comparison: await this.monitor.evaluate() };
  }

  @Get(':version')
  async get(@Param('version', ParseIntPipe) version: number) {
    const row = await this.versions.find(version);
    if (!row) throw new GuardrailError('GUARDRAIL_POLICY_NOT_FOUND', `No policy version ${version}`);
    return { ...summary(row), document: row.document };
  }

  @Post()
  @HttpCode(201)
  async create(@Req() request: AdminRequest, @Body() body: unknown) {
    const { document } = parseRequest(CreateBody, body);
    return summary(await this.rollout.createDraft(document, request.adminActor ?? 'admin'));
  }

  @Post(':version/:action')
  @HttpCode(200)
  async act(
    @Param('version', ParseIntPipe) version: number,
    @Param('action') action: string,
    @Req() request: AdminRequest,
    @Body() body: unknown,
  ) {
    const by = request.adminActor ?? 'admin';
    const row = await this.perform(action, version, by, body);
    await this.store.reload(true);
    return summary(row);
  }

  private perform(action: string, version: number, by: string, body: unknown): Promise<PolicyVersionRow> {
    switch (action as (typeof ACTIONS)[number]) {
      case 'shadow':
        return this.rollout.startShadow(version, by);
      case 'canary':
        return this.rollout.startCanary(version, by);
      case 'advance':
        return this.rollout.advanceCanary(version, by);
      case 'promote':
        return this.rollout.promote(version, by);
      case 'rollback':
        return this.rollout.rollback(version, parseRequest(RollbackBody, body ?? {}).reason, 'manual', by);
      default:
        throw new GuardrailError(
          'GUARDRAIL_REQUEST_INVALID',
          `action: expected one of ${ACTIONS.join(', ')}`,
          {
            details: { field: 'action' },
          },
        );
    }
  }

  private active() {
    return { stable: this.store.stableVersion ?? null, candidate: this.store.candidateState ?? null };
  }
}

function summary(row: PolicyVersionRow) {
  return {
    version: row.version,
    label: row.label,
    stage: row.stage,
    canary_percent: row.canaryPercent,
    digest: row.digest,
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    stage_changed_at: row.stageChangedAt.toISOString(),
    stage_reason: row.stageReason,
  };
}
