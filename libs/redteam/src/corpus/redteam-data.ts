import { RedteamError } from '../redteam-error';
import { loadPersonas, type PersonaCatalog } from '../personas/persona-loader';
import { loadGoalCorpora, type GoalCatalog } from './goal-corpus.loader';

export interface LoadRedteamDataOptions {
  /** Directories of the operator's own personas and persona sets. */
  readonly userPersonaDirs?: readonly string[];
  /** The operator's own goal manifests. */
  readonly goalManifests?: readonly string[];
  /** Throws when a strategy chain is not valid (e.g. `StrategyRegistry.parseChain`). */
  readonly validateChain: (chain: string) => void;
}

export interface RedteamData {
  readonly personas: PersonaCatalog;
  readonly goals: GoalCatalog;
  /**
   * `<goals.version>.<first 8 hex of personas.digest>`, e.g. `2026.12.0+3f2a9c1d04be.9b1e77c2`: recorded by
   * a campaign so a replay can refuse to run against different data.
   */
  readonly dataVersion: string;
}

/** Personas and goals together, checked against each other: every category a persona draws from has goals. */
export function loadRedteamData(options: LoadRedteamDataOptions): RedteamData {
  const goals = loadGoalCorpora({ manifests: options.goalManifests ?? [] });
  const personas = loadPersonas({
    userDirs: options.userPersonaDirs ?? [],
    validateChain: options.validateChain,
  });
  const available = new Set(goals.categories());
  const corpora = new Set(goals.corpora.map((c) => c.name));
  const problems = personas
    .list()
    .flatMap((persona) => [
      ...persona.goalCategories.flatMap((category, index) =>
        available.has(category)
          ? []
          : [`${persona.source}: goal_categories[${index}]: no loaded goal has category "${category}"`],
      ),
      ...(persona.goalCorpora ?? []).flatMap((corpus, index) =>
        corpora.has(corpus)
          ? []
          : [
              `${persona.source}: goal_corpora[${index}]: no corpus "${corpus}" is loaded (${[...corpora].join(', ')})`,
            ],
      ),
      ...(persona.goalCorpora &&
      goals.byCategory(persona.goalCategories).every((g) => !persona.goalCorpora!.includes(g.corpus))
        ? [
            `${persona.source}: goal_corpora: no goal of these corpora has one of the persona's goal_categories`,
          ]
        : []),
    ]);
  if (problems.length > 0)
    throw new RedteamError('REDTEAM_INVALID_PERSONA', `Invalid personas:\n${problems.join('\n')}`, {
      details: { problems },
    });
  return { personas, goals, dataVersion: `${goals.version}.${personas.digest.slice(0, 8)}` };
}
