import { loadServiceConfig } from '@rampart/config';
import { DEFAULT_HTTP_PORTS } from '@rampart/contracts';

/** The campaign-scheduler service's configuration: the platform's variables (it has none of its own yet). */
export function loadCampaignSchedulerConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig('campaign-scheduler', DEFAULT_HTTP_PORTS['campaign-scheduler'], {}, env);
}

export type CampaignSchedulerConfig = ReturnType<typeof loadCampaignSchedulerConfig>;
