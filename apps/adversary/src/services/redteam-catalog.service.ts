import { readFileSync } from 'node:fs';
import {
  type AttackGenerator,
  createTarget,
  loadAttackArsenal,
  parseTargetsConfig,
  knownTargetNames,
  type AttackTarget,
  type GoalCatalog,
  type GuardrailChecker,
  type PersonaCatalog,
  type StrategyRegistry,
  type TargetsConfig,
} from '@rampart/redteam';
import type { AdversarySettings } from '../config/adversary.config';

/**
 * The red-team material this replica attacks with: strategies, personas, goal corpora (integrity-checked
 * against their manifests) and named targets. Loaded once at start-up; any problem stops the service with
 * the file and field at fault, rather than failing attacks one by one later.
 */
export class RedteamCatalog {
  private readonly targets = new Map<string, AttackTarget>();

  private constructor(
    readonly strategies: StrategyRegistry,
    readonly personas: PersonaCatalog,
    readonly goals: GoalCatalog,
    readonly generator: AttackGenerator,
    private readonly targetsFile: TargetsConfig | undefined,
    private readonly endpoint: string,
    private readonly guardrail: GuardrailChecker,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  static load(
    settings: AdversarySettings,
    guardrail: GuardrailChecker,
    env: NodeJS.ProcessEnv,
  ): RedteamCatalog {
    const { strategies, personas, goals, generator } = loadAttackArsenal({
      userPersonaDirs: settings.personaDirs,
      goalManifests: settings.goalManifests,
      maxTurnsCap: settings.guards.maxTurns,
    });
    const targetsFile = settings.targetsFile
      ? parseTargetsConfig(readFileSync(settings.targetsFile, 'utf8'), settings.targetsFile)
      : undefined;
    const catalog = new RedteamCatalog(
      strategies,
      personas,
      goals,
      generator,
      targetsFile,
      settings.guardrailEndpoint,
      guardrail,
      env,
    );
    // Every named target is built now, so a missing API key variable stops start-up, not the first attack.
    for (const name of catalog.targetNames()) catalog.target(name);
    return catalog;
  }

  get dataVersion(): string {
    return this.generator.dataVersion;
  }

  targetNames(): string[] {
    return knownTargetNames(this.targetsFile);
  }

  target(name: string): AttackTarget {
    let target = this.targets.get(name);
    if (!target) {
      target = createTarget(name, {
        ...(this.targetsFile ? { config: this.targetsFile } : {}),
        guardrail: this.guardrail,
        env: this.env,
        endpoint: this.endpoint,
        userId: 'adversary',
      });
      this.targets.set(name, target);
    }
    return target;
  }
}
