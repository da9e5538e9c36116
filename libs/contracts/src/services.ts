/** The six services. Their names are part of the contract: CloudEvents `source`, queue groups, audit chains. */
export const SERVICE_NAMES = [
  'guardrail',
  'adversary',
  'campaign-scheduler',
  'incident',
  'alerting',
  'learning',
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Default HTTP port of each service when HTTP_PORT is not set. */
export const DEFAULT_HTTP_PORTS: Readonly<Record<ServiceName, number>> = {
  guardrail: 3101,
  adversary: 3102,
  'campaign-scheduler': 3103,
  incident: 3104,
  alerting: 3105,
  learning: 3106,
};

export function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}
