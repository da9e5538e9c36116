export { goalManifestSchema, goalRowSchema, type GoalManifestDocument, type GoalRow } from './goal-schema';
export {
  GoalCatalog,
  loadGoalCorpora,
  REHASH_COMMAND,
  SHIPPED_GOAL_MANIFEST,
  type CorpusInfo,
  type LoadGoalCorporaOptions,
} from './goal-corpus.loader';
export { loadRedteamData, type LoadRedteamDataOptions, type RedteamData } from './redteam-data';
