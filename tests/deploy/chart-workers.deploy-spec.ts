import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IService } from 'kubernetes-models/v1/Service';
import { k8sTools, TOOLS_TIMEOUT_MS } from './support/k8s-tools';
import { ENVIRONMENTS, render, renderError } from './support/helm';
import { byComponent, componentOf, type Manifest, ofKind } from './support/manifests';
import { configOf, deploymentOf } from './support/workloads';

const AUDIT = 'guardrail-audit';
const SPLIT = {
  services: { guardrail: { env: { GUARDRAIL_ROLE: 'check' }, workers: { audit: { enabled: true } } } },
};

/** Whether a label selector picks the pods of a Deployment's template. */
function selects(selector: Record<string, string> | undefined, podLabels: Record<string, string>): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => podLabels[key] === value);
}

function auditObjects(manifests: Manifest[]): string[] {
  return manifests.filter((m) => componentOf(m) === AUDIT).map((m) => `${m.kind}/${m.metadata.name}`);
}

describe('guardrail workers in helm/rampart (check and audit as two Deployments)', () => {
  beforeAll(() => {
    k8sTools();
  }, TOOLS_TIMEOUT_MS);

  it.each(['dev', 'staging'] as const)('runs one guardrail Deployment in role all in %s', (env) => {
    const manifests = render({ env });
    expect(auditObjects(manifests)).toEqual([]);
    expect(configOf(manifests, 'guardrail').GUARDRAIL_ROLE).toBeUndefined();
  });

  it('runs prod as check pods plus an audit Deployment of the same image, config and identity', () => {
    const manifests = render({ env: 'prod' });
    const check = deploymentOf(manifests, 'guardrail');
    const audit = deploymentOf(manifests, AUDIT);
    expect(configOf(manifests, 'guardrail').GUARDRAIL_ROLE).toBe('check');
    expect(configOf(manifests, AUDIT).GUARDRAIL_ROLE).toBe('audit');
    const [checkPod, auditPod] = [check, audit].map((d) => d.spec!.template.spec!);
    expect(auditPod.containers[0].image).toBe(checkPod.containers[0].image);
    expect(auditPod.containers[0].args).toEqual(['apps/guardrail/dist/main.js']);
    expect(auditPod.serviceAccountName).toBe(checkPod.serviceAccountName);
    expect(auditPod.containers[0].envFrom).toEqual([{ configMapRef: { name: audit.metadata!.name } }]);
    expect(audit.spec!.replicas).toBe(2);
    // Everything but the role and the worker's own pool and heap is the guardrail's configuration.
    const {
      GUARDRAIL_ROLE: _c,
      DATABASE_POOL_MAX: _p,
      NODE_OPTIONS: _n,
      ...checkRest
    } = configOf(manifests, 'guardrail');
    const {
      GUARDRAIL_ROLE: _a,
      DATABASE_POOL_MAX: pool,
      NODE_OPTIONS: heap,
      ...auditRest
    } = configOf(manifests, AUDIT);
    expect(auditRest).toEqual(checkRest);
    expect(pool).toBe('4');
    expect(heap).toBe('--max-old-space-size=256');
  });

  it('keeps the audit pods out of the check Service, autoscaler and disruption budget', () => {
    const manifests = render({ env: 'prod' });
    const auditLabels = deploymentOf(manifests, AUDIT).spec!.template.metadata!.labels!;
    const checkLabels = deploymentOf(manifests, 'guardrail').spec!.template.metadata!.labels!;
    const services = ofKind<IService>(manifests, 'Service');
    expect(services.filter((s) => selects(s.spec!.selector, auditLabels))).toEqual([]);
    expect(services.filter((s) => selects(s.spec!.selector, checkLabels))).toHaveLength(1);
    // Two audit replicas get a budget of their own; the check pods' budget never counts them.
    const pdbs = ofKind<IPodDisruptionBudget>(manifests, 'PodDisruptionBudget');
    expect(pdbs.filter((p) => selects(p.spec!.selector!.matchLabels, auditLabels)).map(componentOf)).toEqual([
      AUDIT,
    ]);
    const hpas = ofKind<IHorizontalPodAutoscaler>(manifests, 'HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.spec.scaleTargetRef.name)).not.toContain(
      deploymentOf(manifests, AUDIT).metadata!.name,
    );
  });

  it('gives the audit pods their own NetworkPolicy with the guardrail egress (Postgres included)', () => {
    const manifests = render({ env: 'prod' });
    const audit = byComponent<INetworkPolicy>(manifests, 'NetworkPolicy', AUDIT);
    const check = byComponent<INetworkPolicy>(manifests, 'NetworkPolicy', 'guardrail');
    expect(audit.spec!.podSelector?.matchLabels).toEqual(
      deploymentOf(manifests, AUDIT).spec!.selector.matchLabels,
    );
    expect(audit.spec!.egress).toEqual(check.spec!.egress);
    expect(audit.spec!.ingress).toEqual(check.spec!.ingress);
  });

  it('refuses check pods without an audit worker, since their decisions would never be audited', () => {
    const values = { services: { guardrail: { workers: { audit: { enabled: false } } } } };
    expect(renderError({ env: 'prod', values })).toContain(
      'GUARDRAIL_ROLE is check, but no enabled services.guardrail.workers entry',
    );
  });

  it('renders the split from the chart defaults too, and drops the worker with its service', () => {
    expect(deploymentOf(render({ values: SPLIT }), AUDIT).spec!.replicas).toBe(1);
    const disabled = render({ env: 'prod', values: { services: { guardrail: { enabled: false } } } });
    expect(auditObjects(disabled)).toEqual([]);
  });

  it('rejects an unknown worker setting, naming it (values.schema.json)', () => {
    const values = { services: { guardrail: { workers: { audit: { enabled: true, replica: 2 } } } } };
    expect(renderError({ env: 'staging', values })).toContain("'replica' not allowed");
  });

  it.each(ENVIRONMENTS)('keeps every object name unique with the worker enabled (%s)', (env) => {
    const names = render({ env, values: SPLIT }).map((m) => `${m.kind}/${m.metadata.name}`);
    expect(new Set(names).size).toBe(names.length);
  });
});
