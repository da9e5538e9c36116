import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@rampart/observability';
import { PolicyVersionRepository, type PolicyVersionRow } from '../repositories/policy-version.repository';
import { GuardrailError } from './guardrail-error';
import { POLICY_COMPILER, type CompiledPolicy, type PolicyCompiler } from './policy-compiler';

export type PolicyTrack = 'stable' | 'canary' | 'shadow' | 'pinned';

export interface PolicyRoute {
  /** The policy whose decision is returned. */
  enforced: CompiledPolicy;
  track: PolicyTrack;
  /** A candidate evaluated alongside, not enforced (shadow stage, or stable's twin for canary traffic). */
  compared?: { policy: CompiledPolicy; track: PolicyTrack };
}

interface Candidate {
  policy: CompiledPolicy;
  stage: 'shadow' | 'canary';
  percent: number;
}

/**
 * The active policies of this replica, compiled once per version: stable, and at most one candidate in
 * shadow or canary. Routes each check; canary membership is a stable hash of the conversation id, so a
 * conversation stays on one version and every replica agrees.
 */
@Injectable()
export class PolicyStore {
  private stable?: CompiledPolicy;
  private candidate?: Candidate;
  private readonly compiled = new Map<number, CompiledPolicy>();
  private lastChange?: number;

  constructor(
    private readonly versions: PolicyVersionRepository,
    @Inject(POLICY_COMPILER) private readonly compiler: PolicyCompiler,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get stableVersion(): number | undefined {
    return this.stable?.version;
  }

  get candidateState(): { version: number; stage: 'shadow' | 'canary'; percent: number } | undefined {
    return this.candidate
      ? {
          version: this.candidate.policy.version,
          stage: this.candidate.stage,
          percent: this.candidate.percent,
        }
      : undefined;
  }

  /** Re-reads the active versions; cheap when nothing changed since the last reload. */
  async reload(force = false): Promise<void> {
    const changed = (await this.versions.lastChange())?.getTime();
    if (!force && changed === this.lastChange && this.stable) return;
    const active = await this.versions.findActive();
    const stableRow = active.find((row) => row.stage === 'stable');
    if (!stableRow)
      throw new GuardrailError('GUARDRAIL_POLICY_NOT_FOUND', 'No stable guardrail policy version');
    const candidateRow = active.find((row) => row.stage === 'shadow' || row.stage === 'canary');
    const previous = `${this.stable?.version}/${this.candidate?.policy.version}:${this.candidate?.percent}`;
    this.stable = this.compile(stableRow);
    this.candidate = candidateRow
      ? {
          policy: this.compile(candidateRow),
          stage: candidateRow.stage as Candidate['stage'],
          percent: candidateRow.canaryPercent,
        }
      : undefined;
    this.lastChange = changed;
    const now = `${this.stable.version}/${this.candidate?.policy.version}:${this.candidate?.percent}`;
    if (now !== previous) {
      this.logger.info(
        { stable: this.stable.version, candidate: this.candidateState },
        'guardrail policies reloaded',
      );
    }
  }

  route(conversationId: string | undefined): PolicyRoute {
    if (!this.stable)
      throw new GuardrailError('GUARDRAIL_POLICY_NOT_FOUND', 'Guardrail policies are not loaded yet');
    const candidate = this.candidate;
    if (!candidate) return { enforced: this.stable, track: 'stable' };
    if (candidate.stage === 'shadow') {
      return {
        enforced: this.stable,
        track: 'stable',
        compared: { policy: candidate.policy, track: 'shadow' },
      };
    }
    if (conversationId && canaryBucket(conversationId) < candidate.percent) {
      return {
        enforced: candidate.policy,
        track: 'canary',
        compared: { policy: this.stable, track: 'stable' },
      };
    }
    return { enforced: this.stable, track: 'stable' };
  }

  /** A specific version, whatever its stage (the `policy` field of a request). */
  async pinned(version: number): Promise<CompiledPolicy> {
    const cached = this.compiled.get(version);
    if (cached) return cached;
    const row = await this.versions.find(version);
    if (!row) throw new GuardrailError('GUARDRAIL_POLICY_NOT_FOUND', `No policy version ${version}`);
    return this.compile(row);
  }

  private compile(row: PolicyVersionRow): CompiledPolicy {
    let policy = this.compiled.get(row.version);
    if (!policy) {
      policy = this.compiler.compile(row.document, row.version);
      this.compiled.set(row.version, policy);
    }
    return policy;
  }
}

/** 0–99 from a conversation id: FNV-1a, the same on every replica and Node version. */
export function canaryBucket(conversationId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < conversationId.length; i++) {
    hash ^= conversationId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 100;
}
