import { loadRedteamData, type LoadRedteamDataOptions, type RedteamData } from '../corpus/redteam-data';
import { createDefaultStrategyRegistry } from '../strategies/default-strategies';
import type { StrategyRegistry } from '../strategies/strategy-registry';
import { AttackGenerator } from './attack-generator';

export interface AttackArsenal extends RedteamData {
  readonly strategies: StrategyRegistry;
  readonly generator: AttackGenerator;
}

/**
 * What every user of the engine starts from (the service, the CLI, the bench): the shipped strategies,
 * the personas and goal corpora (shipped plus the caller's, every persona tactic checked against the
 * strategies), and a generator over them.
 */
export function loadAttackArsenal(
  options: Omit<LoadRedteamDataOptions, 'validateChain'> & { maxTurnsCap?: number } = {},
): AttackArsenal {
  const { maxTurnsCap, ...dataOptions } = options;
  const strategies = createDefaultStrategyRegistry();
  const data = loadRedteamData({
    ...dataOptions,
    validateChain: (chain) => void strategies.parseChain(chain),
  });
  const generator = new AttackGenerator({
    personas: data.personas,
    goals: data.goals,
    strategies,
    dataVersion: data.dataVersion,
    ...(maxTurnsCap === undefined ? {} : { maxTurnsCap }),
  });
  return { ...data, strategies, generator };
}
