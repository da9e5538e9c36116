import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { k8sTools, TOOLS_TIMEOUT_MS } from './support/k8s-tools';
import { render, renderError, SERVICES } from './support/helm';
import { byComponent, componentOf, ofKind } from './support/manifests';
import { configOf, deploymentOf, envVar, podSpecs } from './support/workloads';

const SCHEMA_ERROR = "values don't meet the specifications of the schema";

/** Replicas a service keeps up: the HPA minimum when it scales, the fixed count otherwise. */
function minimumReplicas(deployment: IDeployment, hpas: IHorizontalPodAutoscaler[]): number {
  const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === deployment.metadata!.name);
  return hpa ? (hpa.spec.minReplicas ?? 1) : (deployment.spec!.replicas ?? 1);
}

describe('values of helm/rampart', () => {
  beforeAll(() => {
    k8sTools();
  }, TOOLS_TIMEOUT_MS);

  it.each([
    [
      'a negative replica count',
      { services: { guardrail: { replicas: -1 } } },
      '/services/guardrail/replicas',
    ],
    ['an unknown environment key', { config: { DATABSE_POOL_MAX: 5 } }, "'DATABSE_POOL_MAX' not allowed"],
    ['a misspelt top-level key', { servics: { guardrail: {} } }, "'servics' not allowed"],
    ['an unknown service', { services: { gaurdrail: { enabled: true } } }, "'gaurdrail' not allowed"],
    ['an unknown log level', { config: { LOG_LEVEL: 'verbose' } }, '/config/LOG_LEVEL'],
    ['JetStream replicas of 2', { config: { JETSTREAM_REPLICAS: 2 } }, '/config/JETSTREAM_REPLICAS'],
    [
      'a per-service override of an unknown key',
      { services: { incident: { config: { HTTP_HOST: '::' } } } },
      'HTTP_HOST',
    ],
    [
      'an extra variable shadowing a config key',
      { services: { incident: { env: { LOG_LEVEL: 'debug' } } } },
      "invalid propertyName 'LOG_LEVEL'",
    ],
    [
      'a missing memory limit',
      { services: { learning: { resources: { limits: { memory: null } } } } },
      'memory',
    ],
  ])('fails helm template on %s, naming it (values.schema.json)', (_label, values, expected) => {
    const error = renderError({ env: 'staging', values });
    expect(error).toContain(SCHEMA_ERROR);
    expect(error).toContain(expected);
  });

  it('fails when an HPA minimum exceeds its maximum', () => {
    const values = { services: { guardrail: { autoscaling: { minReplicas: 8, maxReplicas: 4 } } } };
    expect(renderError({ env: 'prod', values })).toContain('minReplicas (8) is greater than maxReplicas (4)');
  });

  it.each(SERVICES)('removes every object of %s when it is disabled, and keeps the others', (service) => {
    const enabled = render({ env: 'prod' });
    const disabled = render({ env: 'prod', values: { services: { [service]: { enabled: false } } } });

    expect(enabled.filter((m) => componentOf(m) === service).length).toBeGreaterThanOrEqual(5);
    expect(
      disabled.filter((m) => componentOf(m) === service || m.metadata.name.endsWith(`-${service}`)),
    ).toEqual([]);
    expect(JSON.stringify(disabled)).not.toContain(`apps/${service}/`);
    for (const other of SERVICES.filter((s) => s !== service)) {
      expect(deploymentOf(disabled, other)).toBeDefined();
    }
  });

  it('runs prod with JETSTREAM_REPLICAS=3 and a 5 s drain delay in every service and the migration', () => {
    const manifests = render({ env: 'prod' });
    for (const service of SERVICES) {
      expect(configOf(manifests, service)).toMatchObject({
        JETSTREAM_REPLICAS: '3',
        SHUTDOWN_DRAIN_DELAY_MS: '5000',
      });
    }
    const [job] = podSpecs(manifests).filter((pod) => pod.owner.startsWith('Job/'));
    expect(envVar(job.spec.containers[0], 'JETSTREAM_REPLICAS')?.value).toBe('3');
  });

  it('runs dev on a single-server JetStream', () => {
    const manifests = render({ env: 'dev' });
    expect(SERVICES.map((service) => configOf(manifests, service).JETSTREAM_REPLICAS)).toEqual(
      SERVICES.map(() => '1'),
    );
  });

  it('gives prod a PodDisruptionBudget for every service that keeps more than one replica', () => {
    const manifests = render({ env: 'prod' });
    const hpas = ofKind<IHorizontalPodAutoscaler>(manifests, 'HorizontalPodAutoscaler');
    const pdbs = ofKind<IPodDisruptionBudget>(manifests, 'PodDisruptionBudget');
    const multiReplica = ofKind<IDeployment>(manifests, 'Deployment').filter(
      (d) => minimumReplicas(d, hpas) > 1,
    );

    // prod runs the guardrail's audit worker (two replicas) as a Deployment of its own.
    expect(multiReplica.map((d) => componentOf(d)).sort()).toEqual([...SERVICES, 'guardrail-audit'].sort());
    for (const deployment of multiReplica) {
      const pdb = byComponent<IPodDisruptionBudget>(
        manifests,
        'PodDisruptionBudget',
        componentOf(deployment)!,
      );
      expect(pdb.spec!.selector!.matchLabels).toEqual(deployment.spec!.selector.matchLabels);
      expect(pdb.spec!.maxUnavailable).toBe(1);
    }
    expect(pdbs).toHaveLength(multiReplica.length);
  });

  it('adds no PodDisruptionBudget for a single-replica service, which it would block from draining', () => {
    const manifests = render({ env: 'dev' });
    expect(ofKind(manifests, 'PodDisruptionBudget').map(componentOf)).toEqual([]);
    expect(deploymentOf(manifests, 'guardrail').spec!.replicas).toBe(1);
  });

  it('scales the prod guardrail with an autoscaling/v2 HPA and leaves its replica count to it', () => {
    const manifests = render({ env: 'prod' });
    const hpa = byComponent<IHorizontalPodAutoscaler>(manifests, 'HorizontalPodAutoscaler', 'guardrail');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(3);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas!);
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deploymentOf(manifests, 'guardrail').metadata!.name,
    });
    expect(deploymentOf(manifests, 'guardrail').spec!.replicas).toBeUndefined();
    expect(deploymentOf(manifests, 'incident').spec!.replicas).toBe(2);
  });

  it('lets a service override one shared setting, including switching a boolean off', () => {
    const manifests = render({
      env: 'staging',
      values: { services: { learning: { config: { METRICS_ENABLED: false, DATABASE_POOL_MAX: 3 } } } },
    });
    expect(configOf(manifests, 'learning')).toMatchObject({
      METRICS_ENABLED: 'false',
      DATABASE_POOL_MAX: '3',
    });
    expect(configOf(manifests, 'incident')).toMatchObject({
      METRICS_ENABLED: 'true',
      DATABASE_POOL_MAX: '10',
    });
  });

  it('passes extra non-secret variables of one service into its ConfigMap only', () => {
    const manifests = render({
      env: 'dev',
      values: { services: { adversary: { env: { LLM_BASE_URL: 'https://llm' } } } },
    });
    expect(configOf(manifests, 'adversary').LLM_BASE_URL).toBe('https://llm');
    expect(configOf(manifests, 'learning')).not.toHaveProperty('LLM_BASE_URL');
  });

  it('writes large numbers without an exponent and leaves empty settings to the service default', () => {
    const manifests = render({ env: 'dev', values: { config: { CONSUMER_ACK_WAIT_MS: 1200000 } } });
    const config = configOf(manifests, 'incident');
    expect(config.CONSUMER_ACK_WAIT_MS).toBe('1200000');
    expect(config).not.toHaveProperty('RAMPART_NAMESPACE');
    expect(config).not.toHaveProperty('OTEL_EXPORTER_OTLP_ENDPOINT');
  });
});
