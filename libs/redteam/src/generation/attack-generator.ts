import { createHash } from 'node:crypto';
import { SeededRandom } from '../random/seeded-random';
import { RedteamError } from '../redteam-error';
import { decodeReplayKey, encodeReplayKey } from '../replay/replay-key';
import type { StrategyRegistry } from '../strategies/strategy-registry';
import type { AttackTurn, Goal, GoalCategory, Persona, Severity } from '../types';

export interface PersonaSource {
  get(id: string): Persona;
}

export interface GoalSource {
  get(id: string): Goal;
  byCategory(categories: readonly GoalCategory[]): readonly Goal[];
}

export interface AttackSpec {
  persona: string;
  /** A chain such as `base64,roleplay`; one of the persona's tactics (picked with the seed) when absent. */
  strategy?: string;
  /** A goal id; one of the persona's categories' goals (picked with the seed) when absent. */
  goal?: string;
  seed: string;
}

/** A fully generated attack: the prompts to send, and how to regenerate them. */
export interface GeneratedAttack {
  readonly replayKey: string;
  /** Stable id of this exact attack (a digest of the replay key): the same attack has the same id. */
  readonly attackId: string;
  readonly persona: string;
  readonly severity: Severity;
  readonly goal: { readonly id: string; readonly category: GoalCategory };
  readonly strategy: readonly string[];
  readonly seed: string;
  readonly dataVersion: string;
  readonly maxTurns: number;
  readonly turns: readonly AttackTurn[];
}

export interface AttackGeneratorOptions {
  personas: PersonaSource;
  goals: GoalSource;
  strategies: StrategyRegistry;
  dataVersion: string;
  /** The platform's cap on turns per attack session; a persona asking for more gets this many. */
  maxTurnsCap?: number;
}

/**
 * Generates attacks from (persona, goal, strategy chain, seed, data version). Nothing else goes in: no
 * clock, no Math.random, no network. So generating twice, or replaying a key later, gives the same bytes.
 */
export class AttackGenerator {
  constructor(private readonly options: AttackGeneratorOptions) {}

  get dataVersion(): string {
    return this.options.dataVersion;
  }

  generate(spec: AttackSpec): GeneratedAttack {
    if (!spec.seed)
      throw new RedteamError('REDTEAM_INVALID_CHAIN', 'A seed is required to generate an attack');
    const persona = this.options.personas.get(spec.persona);
    const root = SeededRandom.from(spec.seed);
    const goal = spec.goal ? this.options.goals.get(spec.goal) : this.pickGoal(persona, root.fork('goal'));
    const chainSpec = spec.strategy ?? this.pickTactic(persona, root.fork('tactic'));
    const maxTurns = Math.min(persona.maxTurns, this.options.maxTurnsCap ?? persona.maxTurns);
    return this.build(persona, goal, chainSpec, spec.seed, maxTurns);
  }

  /** `count` attacks whose seeds are `<seed>#0`, `<seed>#1`, …: an exportable, reproducible corpus. */
  generateMany(spec: AttackSpec & { count: number }): GeneratedAttack[] {
    return Array.from({ length: spec.count }, (_, i) =>
      this.generate({ ...spec, seed: `${spec.seed}#${i}` }),
    );
  }

  /** Regenerates the attack a key describes; refuses when the key was made with other data. */
  replay(key: string): GeneratedAttack {
    const parts = decodeReplayKey(key);
    if (parts.dataVersion !== this.options.dataVersion) {
      throw new RedteamError(
        'REDTEAM_DATA_VERSION_MISMATCH',
        `Replay key was generated with data version ${parts.dataVersion}, but ${this.options.dataVersion} is loaded; ` +
          'load the same personas and goal corpora to replay it exactly',
        { details: { key_data_version: parts.dataVersion, loaded_data_version: this.options.dataVersion } },
      );
    }
    const persona = this.options.personas.get(parts.persona);
    const goal = this.options.goals.get(parts.goal);
    return this.build(persona, goal, parts.strategy.join(','), parts.seed, parts.maxTurns);
  }

  private build(
    persona: Persona,
    goal: Goal,
    chainSpec: string,
    seed: string,
    maxTurns: number,
  ): GeneratedAttack {
    const chain = this.options.strategies.parseChain(chainSpec);
    const root = SeededRandom.from(seed);
    let text = goal.text;
    chain.mutators.forEach((mutator, index) => {
      text = mutator.apply(text, { rng: root.fork(`mutator/${index}/${mutator.id}`), goal, persona });
    });
    const turns: AttackTurn[] = chain.planner
      ? chain.planner.plan(text, { rng: root.fork(`planner/${chain.planner.id}`), goal, persona, maxTurns })
      : [{ text, carriesGoal: true, purpose: 'ask' }];
    if (turns.length > maxTurns) {
      throw new RedteamError(
        'REDTEAM_TOO_MANY_TURNS',
        `Strategy "${chain.planner?.id}" planned ${turns.length} turns; the limit is ${maxTurns}`,
      );
    }
    const replayKey = encodeReplayKey({
      persona: persona.id,
      goal: goal.id,
      strategy: chain.ids,
      seed,
      dataVersion: this.options.dataVersion,
      maxTurns,
    });
    return {
      replayKey,
      attackId: createHash('sha256').update(replayKey).digest('hex').slice(0, 24),
      persona: persona.id,
      severity: persona.severity,
      goal: { id: goal.id, category: goal.category },
      strategy: chain.ids,
      seed,
      dataVersion: this.options.dataVersion,
      maxTurns,
      turns,
    };
  }

  private pickGoal(persona: Persona, rng: SeededRandom): Goal {
    const corpora = persona.goalCorpora;
    const goals = this.options.goals
      .byCategory(persona.goalCategories)
      .filter((goal) => !corpora || corpora.includes(goal.corpus));
    if (goals.length === 0) {
      throw new RedteamError(
        'REDTEAM_UNKNOWN_GOAL',
        `No goal in the loaded corpora has a category of persona "${persona.id}" (${persona.goalCategories.join(', ')})`,
      );
    }
    // Sorted by code unit (not locale) so the pick depends on the goals alone, not on corpus order or ICU.
    return rng.pick([...goals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }

  private pickTactic(persona: Persona, rng: SeededRandom): string {
    if (persona.tactics.length === 0) {
      throw new RedteamError(
        'REDTEAM_INVALID_PERSONA',
        `Persona "${persona.id}" has no tactics; pass a strategy`,
      );
    }
    return rng.pick(persona.tactics);
  }
}
