import { RedteamError } from '../redteam-error';
import { isPlanner, type ConversationPlanner, type Mutator, type Strategy } from './strategy';

const STRATEGY_ID = /^[a-z][a-z0-9-]*$/;
/** Longer chains add nothing an attacker would use and make prompts explode in size. */
export const MAX_CHAIN_LENGTH = 6;

/** A parsed chain: mutators in order, then at most one conversation planner. */
export interface StrategyChain {
  readonly ids: readonly string[];
  readonly mutators: readonly Mutator[];
  readonly planner?: ConversationPlanner;
}

export class StrategyRegistry {
  private readonly byId = new Map<string, Strategy>();

  constructor(strategies: readonly Strategy[] = []) {
    for (const strategy of strategies) this.register(strategy);
  }

  register(strategy: Strategy): void {
    if (!STRATEGY_ID.test(strategy.id)) throw new Error(`Invalid strategy id "${strategy.id}"`);
    if (this.byId.has(strategy.id)) throw new Error(`Strategy "${strategy.id}" is registered twice`);
    this.byId.set(strategy.id, strategy);
  }

  get(id: string): Strategy {
    const strategy = this.byId.get(id);
    if (!strategy) {
      throw new RedteamError('REDTEAM_UNKNOWN_STRATEGY', `Unknown strategy "${id}"`, {
        details: { strategy: id, known: this.ids() },
      });
    }
    return strategy;
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  list(): Strategy[] {
    return this.ids().map((id) => this.byId.get(id) as Strategy);
  }

  /**
   * Parses `a,b,c`: applied left to right to the goal's text. A multi-turn planner may only come last,
   * because it turns the text into a conversation that no mutator can take as input.
   */
  parseChain(spec: string | readonly string[]): StrategyChain {
    const ids = (typeof spec === 'string' ? spec.split(',') : [...spec]).map((id) => id.trim());
    if (ids.length === 0 || ids.some((id) => id === '')) {
      throw new RedteamError('REDTEAM_INVALID_CHAIN', `Strategy chain "${String(spec)}" has an empty entry`);
    }
    if (ids.length > MAX_CHAIN_LENGTH) {
      throw new RedteamError(
        'REDTEAM_INVALID_CHAIN',
        `Strategy chain has ${ids.length} strategies; at most ${MAX_CHAIN_LENGTH} are allowed`,
      );
    }
    const strategies = ids.map((id) => this.get(id));
    const plannerAt = strategies.findIndex(isPlanner);
    if (plannerAt !== -1 && plannerAt !== strategies.length - 1) {
      throw new RedteamError(
        'REDTEAM_INVALID_CHAIN',
        `"${ids[plannerAt]}" is a multi-turn strategy and must come last in the chain "${ids.join(',')}"`,
      );
    }
    const planner = plannerAt === -1 ? undefined : (strategies[plannerAt] as ConversationPlanner);
    const mutators = strategies.filter((s): s is Mutator => !isPlanner(s));
    return { ids, mutators, ...(planner ? { planner } : {}) };
  }
}
