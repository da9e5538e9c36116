import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { adversaryV1, AdversaryAttackBatchV1, AdversaryAttackRunV1, toJsonValue } from '@rampart/contracts';
import { parseBody, toAttackCommand, toBatchCommand } from '../dtos/attack-command';
import { AttackService } from '../services/attack.service';
import { RedteamCatalog } from '../services/redteam-catalog.service';

interface RawRequest {
  rawBody?: Buffer;
}

/** Ad-hoc attacks over HTTP (the same contract as NATS), and what the adversary can attack with. */
@Controller('v1')
export class AttackController {
  constructor(
    private readonly attacks: AttackService,
    private readonly catalog: RedteamCatalog,
  ) {}

  @Post('attacks')
  @HttpCode(200)
  async run(@Req() request: RawRequest, @Body() body: unknown) {
    const command = toAttackCommand(parseBody(adversaryV1.RunAttackRequestSchema, request.rawBody, body));
    return toJsonValue(AdversaryAttackRunV1.reply, { result: await this.attacks.run(command) });
  }

  @Post('attacks/batch')
  @HttpCode(200)
  async batch(@Req() request: RawRequest, @Body() body: unknown) {
    const command = toBatchCommand(parseBody(adversaryV1.RunAttackBatchRequestSchema, request.rawBody, body));
    const results = await this.attacks.runBatch(command);
    return toJsonValue(AdversaryAttackBatchV1.reply, {
      results,
      succeeded: results.filter((r) => r.success).length,
    });
  }

  /** The prompts an attack would send, without sending them. */
  @Post('attacks/generate')
  @HttpCode(200)
  generate(@Req() request: RawRequest, @Body() body: unknown) {
    const command = toAttackCommand(parseBody(adversaryV1.RunAttackRequestSchema, request.rawBody, body));
    const attack = this.attacks.generate(command);
    return {
      replay_key: attack.replayKey,
      attack_id: attack.attackId,
      persona: attack.persona,
      goal: attack.goal,
      strategy: attack.strategy,
      seed: attack.seed,
      data_version: attack.dataVersion,
      turns: attack.turns.map((t) => ({ text: t.text, carries_goal: t.carriesGoal, purpose: t.purpose })),
    };
  }

  @Get('personas')
  personas() {
    return {
      data_version: this.catalog.dataVersion,
      personas: this.catalog.personas.list().map((p) => ({
        id: p.id,
        priority: p.priority,
        severity: p.severity,
        goal: p.goal,
        tactics: p.tactics,
        goal_categories: p.goalCategories,
        max_turns: p.maxTurns,
      })),
      sets: Object.fromEntries(
        this.catalog.personas.sets().map((s) => [s, this.catalog.personas.set(s).map((p) => p.id)]),
      ),
    };
  }

  @Get('strategies')
  strategies() {
    return {
      strategies: this.catalog.strategies.list().map((s) => ({
        id: s.id,
        kind: s.kind,
        description: s.description,
        invertible: 'invert' in s && typeof s.invert === 'function',
      })),
    };
  }

  @Get('targets')
  targets() {
    return {
      targets: this.catalog.targetNames().map((name) => {
        const target = this.catalog.target(name);
        return { name, id: target.id, kind: target.kind };
      }),
    };
  }
}
