import { v7 as uuidv7 } from 'uuid';
import type { Logger } from 'pino';
import type { EventPublisher } from '@rampart/bus';
import {
  GuardrailDecisionV1,
  isRampartError,
  type ReplyData,
  type GuardrailCheckV1,
} from '@rampart/contracts';
import type { SafetyGuard, SafetyReport } from '@rampart/safety';
import type { GuardrailSettings } from '../config/guardrail.config';
import type { CheckCommand } from '../dtos/check-command';
import type { BackgroundWork } from './background-work';
import type { Admission, CallerStateStore } from './caller-state.store';
import { assessTurn, conversationWindow } from './conversation-risk';
import type { DecisionStats } from './decision-stats';
import { GuardrailError } from './guardrail-error';
import type { GuardrailMetrics } from './guardrail-metrics';
import type { CompiledPolicy, PolicyOutcome } from './policy-compiler';
import type { PolicyRoute, PolicyStore, PolicyTrack } from './policy-store.service';

export type CheckResult = ReplyData<typeof GuardrailCheckV1>;

export interface CheckServiceDeps {
  settings: GuardrailSettings;
  guard: SafetyGuard;
  policies: PolicyStore;
  callers: CallerStateStore;
  stats: DecisionStats;
  publisher: EventPublisher;
  background: BackgroundWork;
  metrics: GuardrailMetrics;
  logger: Logger;
  random?: () => number;
}

/**
 * The hot path: admit the caller (rate limit, quota) and read the conversation's risk in one Redis round
 * trip; run the SafetyGuard; evaluate the routed policy; reply. Publishing the decision (and so its audit
 * entry), remembering the conversation's new risk and evaluating a shadow candidate happen after the
 * reply, tracked so a graceful shutdown waits for them.
 */
export class CheckService {
  private readonly random: () => number;

  constructor(private readonly deps: CheckServiceDeps) {
    this.random = deps.random ?? Math.random;
  }

  async check(command: CheckCommand): Promise<CheckResult> {
    const started = performance.now();
    const admission = await this.admit(command);
    const detected = this.deps.guard.check(command.text, {
      direction: command.direction,
      systemPrompt: command.systemPrompt,
      messages: command.messages,
      canaryTokens: admission.canaryTokens,
    });
    // Escalation is about what the user asks for over a conversation: inputs only, like its principle.
    const turn =
      command.direction === 'input'
        ? assessTurn(detected, admission.priorRisk, this.window(command))
        : { report: detected, risk: admission.priorRisk };
    const report = turn.report;
    const route = await this.route(command);
    const outcome = await this.decide(route.enforced, command, report);
    const latencyMs = performance.now() - started;
    const decisionId = uuidv7();
    const result: CheckResult = {
      decisionId,
      verdict: outcome.verdict,
      score: round(report.score),
      categories: report.categories.filter((c) => c.score >= 0.3).map((c) => c.category),
      violations: outcome.violations.map((v) => ({ ...v, score: round(v.score) })),
      text: outcome.verdict === 'modify' ? outcome.text : undefined,
      policyVersion: String(route.enforced.version),
      latencyMs: round(latencyMs, 3),
    };
    this.observe(command, report, result, route, latencyMs);
    this.afterReply(command, admission, turn.risk, report, result, route);
    return result;
  }

  /** The guard's reading of the caller's recent user turns together with this one, when it sent them. */
  private window(command: CheckCommand): { report: SafetyReport; turns: number } | undefined {
    const window = conversationWindow(command.messages, command.text);
    if (!window) return undefined;
    const report = this.deps.guard.check(window.text, {
      direction: 'input',
      systemPrompt: command.systemPrompt,
    });
    return { report, turns: window.turns };
  }

  /**
   * The policy's decision; a modified text (redacted, sanitised, or revised by the LLM critic) is checked
   * again, and blocked if it still violates a blocking principle. Only a revision goes back to the critic:
   * a redaction is what the critic already reviewed.
   */
  private async decide(
    policy: CompiledPolicy,
    command: CheckCommand,
    report: SafetyReport,
  ): Promise<PolicyOutcome> {
    const input = { text: command.text, direction: command.direction, endpoint: command.endpoint };
    const outcome = await policy.evaluate(report, input);
    if (outcome.verdict !== 'modify' || outcome.text === undefined) return outcome;
    const recheck = this.deps.guard.check(outcome.text, {
      direction: command.direction,
      systemPrompt: command.systemPrompt,
    });
    const again = await policy.evaluate(
      recheck,
      { ...input, text: outcome.text },
      { review: outcome.revisedByCritic === true },
    );
    if (again.verdict !== 'block') return outcome;
    return {
      verdict: 'block',
      violations: [...outcome.violations, ...again.violations.filter((v) => v.action === 'block')],
      alert: outcome.alert || again.alert,
      humanReview: outcome.humanReview || again.humanReview,
    };
  }

  private async admit(command: CheckCommand): Promise<Admission & { admitted: true }> {
    const caller = command.userId ?? command.endpoint ?? 'anonymous';
    let admission: Admission;
    try {
      admission = await this.deps.callers.admit(
        caller,
        command.conversationId,
        command.direction === 'output',
      );
    } catch (error) {
      // Redis down: checking matters more than limiting. Go on without limits and multi-turn memory.
      this.deps.metrics.degraded.inc({ dependency: 'redis' });
      this.deps.logger.warn(
        { err: error },
        'caller state unavailable; checking without rate limits or conversation risk',
      );
      return { admitted: true, priorRisk: 0, turns: 0, canaryTokens: [] };
    }
    if (admission.admitted) return admission;
    this.deps.metrics.refused.inc({ reason: admission.reason });
    if (admission.reason === 'rate_limited') {
      throw new GuardrailError(
        'GUARDRAIL_RATE_LIMITED',
        `Too many checks for ${caller}; retry in ${admission.retryAfterMs} ms`,
        {
          details: { retry_after_ms: admission.retryAfterMs },
        },
      );
    }
    throw new GuardrailError('GUARDRAIL_QUOTA_EXCEEDED', `Daily check quota of ${caller} is used up`);
  }

  private async route(command: CheckCommand): Promise<PolicyRoute> {
    if (command.policyVersion !== undefined) {
      return { enforced: await this.deps.policies.pinned(command.policyVersion), track: 'pinned' };
    }
    return this.deps.policies.route(command.conversationId);
  }

  private observe(
    command: CheckCommand,
    report: SafetyReport,
    result: CheckResult,
    route: PolicyRoute,
    latencyMs: number,
  ) {
    const { metrics } = this.deps;
    metrics.decisions.inc({
      verdict: result.verdict,
      direction: command.direction,
      policy_version: result.policyVersion,
      track: route.track,
    });
    for (const category of result.categories) metrics.categories.inc({ category, verdict: result.verdict });
    metrics.latency.observe({ direction: command.direction }, latencyMs / 1000);
    for (const [detector, ms] of Object.entries(report.timings))
      metrics.detectorLatency.observe({ detector }, ms / 1000);
    if (route.track !== 'pinned')
      this.deps.stats.record(route.enforced.version, result.verdict as PolicyOutcome['verdict'], latencyMs);
  }

  private afterReply(
    command: CheckCommand,
    admission: Admission & { admitted: true },
    risk: number,
    report: SafetyReport,
    result: CheckResult,
    route: PolicyRoute,
  ): void {
    const { background } = this.deps;
    if (command.conversationId && command.direction === 'input') {
      background.run('remember conversation risk', () =>
        this.deps.callers.recordTurn(command.conversationId!, risk, admission.turns + 1),
      );
    }
    if (route.compared?.track === 'shadow') {
      const shadow = route.compared.policy;
      background.run('shadow evaluation', () => this.shadow(shadow, command, report, result, route.track));
    } else {
      this.publishIfDue(command, result, route.track);
    }
  }

  private async shadow(
    shadow: CompiledPolicy,
    command: CheckCommand,
    report: SafetyReport,
    result: CheckResult,
    track: PolicyTrack,
  ) {
    const started = performance.now();
    const outcome: PolicyOutcome = await shadow.evaluate(report, {
      text: command.text,
      direction: command.direction,
      endpoint: command.endpoint,
    });
    this.deps.stats.record(shadow.version, outcome.verdict, result.latencyMs + (performance.now() - started));
    this.publishIfDue(command, result, track, outcome.verdict);
  }

  /**
   * Blocks and modifications always, and allows the shadow policy would not have allowed (the comparison
   * people review); other allows in the configured sample, marked `sampled`.
   */
  private publishIfDue(
    command: CheckCommand,
    result: CheckResult,
    track: PolicyTrack,
    shadowVerdict?: PolicyOutcome['verdict'],
  ) {
    const notable = result.verdict !== 'allow' || (shadowVerdict !== undefined && shadowVerdict !== 'allow');
    const sampled = !notable;
    if (sampled && this.random() >= this.deps.settings.allowSampleRate) return;
    this.deps.background.run('publish decision', () =>
      this.deps.publisher.publish(
        GuardrailDecisionV1,
        {
          decisionId: result.decisionId,
          verdict: result.verdict,
          score: result.score,
          categories: result.categories,
          violations: result.violations,
          policyVersion: result.policyVersion,
          policyTrack: track,
          direction: command.direction,
          conversationId: command.conversationId ?? '',
          endpoint: command.endpoint ?? '',
          userId: command.userId ?? '',
          latencyMs: result.latencyMs,
          sampled,
          shadowVerdict,
        },
        { id: result.decisionId, subject: command.conversationId },
      ),
    );
  }
}

function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function isClientError(error: unknown): boolean {
  return isRampartError(error) && error.status < 500;
}
