import { RedteamError } from '../../redteam-error';

/** The number of turns a planner may use: at least one, because the last turn must carry the ask. */
export function turnBudget(planner: string, maxTurns: number): number {
  if (!Number.isInteger(maxTurns) || maxTurns < 1) {
    throw new RedteamError(
      'REDTEAM_TOO_MANY_TURNS',
      `"${planner}" needs at least one turn for the ask, but maxTurns is ${maxTurns}`,
      { details: { strategy: planner, maxTurns } },
    );
  }
  return maxTurns;
}
