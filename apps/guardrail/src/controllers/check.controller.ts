import { Body, Controller, HttpCode, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { v4 as uuidv4 } from 'uuid';
import { GuardrailCheckV1, toJsonValue } from '@rampart/contracts';
import { parseRequest } from '@rampart/platform';
import { GUARDRAIL_SETTINGS, type GuardrailSettings } from '../config/guardrail.config';
import { parseCheckBody, toCheckCommand } from '../dtos/check-command';
import { PolicyVersionRepository } from '../repositories/policy-version.repository';
import { CanaryTokenService } from '../services/canary-token.service';
import { CheckService } from '../services/check.service';
import { GuardrailMetrics } from '../services/guardrail-metrics';
import { AdminTokenGuard } from './admin-token.guard';

interface RawRequest {
  rawBody?: Buffer;
  adminActor?: string;
}

const CanaryBody = z.strictObject({
  conversation_id: z.string().min(1).max(200),
  system_prompt: z.string().max(100_000).optional(),
});

const FalsePositiveBody = z.strictObject({
  policy_version: z.number().int().positive(),
  reason: z.string().min(3, 'say why (at least 3 characters)').max(2_000),
});

/** The guardrail over HTTP: the same check as `guardrail.check.v1`, canary tokens, false-positive reports. */
@Controller('v1')
export class CheckController {
  constructor(
    private readonly checks: CheckService,
    private readonly canaries: CanaryTokenService,
    private readonly versions: PolicyVersionRepository,
    private readonly metrics: GuardrailMetrics,
    @Inject(GUARDRAIL_SETTINGS) private readonly settings: GuardrailSettings,
  ) {}

  @Post('check')
  @HttpCode(200)
  async check(@Req() request: RawRequest, @Body() body: unknown) {
    let command;
    try {
      command = toCheckCommand(parseCheckBody(request.rawBody, body), this.settings.maxTextBytes);
    } catch (error) {
      this.metrics.invalid.inc({ reason: (error as { code?: string }).code ?? 'invalid' });
      throw error;
    }
    // The same JSON mapping as the NATS reply: one shape, whichever transport.
    return toJsonValue(GuardrailCheckV1.reply, await this.checks.check(command));
  }

  @Post('canary')
  @HttpCode(201)
  async canary(@Body() body: unknown) {
    const { conversation_id, system_prompt } = parseRequest(CanaryBody, body);
    const issued = await this.canaries.issue(conversation_id, system_prompt);
    return { token: issued.token, system_prompt: issued.systemPrompt };
  }

  /** Someone says this decision was wrong; counted against the policy version in canary comparison. */
  @Post('decisions/:decisionId/false-positive')
  @UseGuards(AdminTokenGuard)
  @HttpCode(202)
  async falsePositive(
    @Param('decisionId') decisionId: string,
    @Req() request: RawRequest,
    @Body() body: unknown,
  ) {
    const { policy_version, reason } = parseRequest(FalsePositiveBody, body);
    const recorded = await this.versions.reportFalsePositive({
      id: uuidv4(),
      decisionId: decisionId.slice(0, 100),
      policyVersion: policy_version,
      reportedBy: request.adminActor ?? 'admin',
      reason,
    });
    return { recorded, duplicate: !recorded };
  }
}
