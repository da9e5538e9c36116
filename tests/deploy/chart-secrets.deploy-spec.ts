import { k8sTools, TOOLS_TIMEOUT_MS } from './support/k8s-tools';
import { ENVIRONMENTS, helmTemplate, render, renderError, SERVICES } from './support/helm';
import { ofKind } from './support/manifests';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { containersOf, deploymentOf, envVar, podSpecs } from './support/workloads';

const CREDENTIALS = [
  'DATABASE_URL',
  'DATABASE_MIGRATION_URL',
  'REDIS_URL',
  'NATS_TOKEN',
  'NATS_USER',
  'NATS_PASSWORD',
];
/** scheme://user:password@host — a URL that carries a credential. */
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']+:[^\s@/"']+@/i;

describe('credentials in helm/rampart', () => {
  beforeAll(() => {
    k8sTools();
  }, TOOLS_TIMEOUT_MS);

  describe.each(ENVIRONMENTS)('%s', (env) => {
    it('reaches containers only as secretKeyRef into the existing Secret', () => {
      const manifests = render({ env });
      for (const { owner, spec } of podSpecs(manifests)) {
        for (const container of containersOf(spec)) {
          for (const variable of container.env ?? []) {
            if (!CREDENTIALS.includes(variable.name)) continue;
            expect({ owner, variable: variable.name, value: variable.value }).toEqual({
              owner,
              variable: variable.name,
              value: undefined,
            });
            expect(variable.valueFrom?.secretKeyRef?.name).toBe('rampart');
          }
        }
      }
      for (const service of SERVICES) {
        const [container] = deploymentOf(manifests, service).spec!.template.spec!.containers;
        expect(envVar(container, 'DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({
          name: 'rampart',
          key: 'DATABASE_URL',
        });
        expect(envVar(container, 'REDIS_URL')?.valueFrom?.secretKeyRef?.key).toBe('REDIS_URL');
      }
    });

    it('keeps credential keys out of every ConfigMap and no credential-bearing URL in any manifest', () => {
      const result = helmTemplate({ env });
      expect(result.ok).toBe(true);
      expect(result.stdout).not.toMatch(URL_WITH_PASSWORD);
      for (const configMap of ofKind<IConfigMap>(render({ env }), 'ConfigMap')) {
        expect(Object.keys(configMap.data ?? {}).filter((key) => CREDENTIALS.includes(key))).toEqual([]);
      }
    });
  });

  it('refuses a credential placed in config, or in a URL, or under a secret-looking env name', () => {
    expect(
      renderError({ values: { config: { DATABASE_URL: 'postgresql://app:hunter2@db/rampart' } } }),
    ).toContain("additional properties 'DATABASE_URL' not allowed");
    expect(renderError({ values: { config: { NATS_URL: 'nats://app:hunter2@nats:4222' } } })).toContain(
      '/config/NATS_URL',
    );
    expect(
      renderError({ values: { services: { alerting: { env: { SLACK_BOT_TOKEN: 'xoxb-1' } } } } }),
    ).toContain('SLACK_BOT_TOKEN');
  });

  it('maps a service secretEnv entry to a secretKeyRef, defaulting to the existing Secret', () => {
    const manifests = render({
      env: 'prod',
      values: {
        services: {
          alerting: {
            secretEnv: {
              PAGERDUTY_ROUTING_KEY: { key: 'pagerduty-routing-key' },
              SLACK_BOT_TOKEN: { secret: 'rampart-slack', key: 'token', optional: true },
            },
          },
        },
      },
    });
    const [container] = deploymentOf(manifests, 'alerting').spec!.template.spec!.containers;
    expect(envVar(container, 'PAGERDUTY_ROUTING_KEY')?.valueFrom?.secretKeyRef).toEqual({
      name: 'rampart',
      key: 'pagerduty-routing-key',
    });
    expect(envVar(container, 'SLACK_BOT_TOKEN')?.valueFrom?.secretKeyRef).toEqual({
      name: 'rampart-slack',
      key: 'token',
      optional: true,
    });
  });

  it('reads the migration owner login from migrations.existingSecret when one is given', () => {
    const manifests = render({ env: 'prod', values: { migrations: { existingSecret: 'rampart-db-owner' } } });
    const [job] = podSpecs(manifests).filter((pod) => pod.owner.startsWith('Job/'));
    expect(envVar(job.spec.containers[0], 'DATABASE_MIGRATION_URL')?.valueFrom?.secretKeyRef).toEqual({
      name: 'rampart-db-owner',
      key: 'DATABASE_MIGRATION_URL',
      optional: true,
    });
  });
});
