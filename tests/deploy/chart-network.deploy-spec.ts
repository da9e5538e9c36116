import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { k8sTools, TOOLS_TIMEOUT_MS } from './support/k8s-tools';
import { render, SERVICES } from './support/helm';
import { byComponent, ofKind } from './support/manifests';
import { allowsEgressTo } from './support/network';
import { deploymentOf } from './support/workloads';

const HTTPS_CLIENTS = ['alerting', 'adversary', 'learning'];

function policyOf(manifests: ReturnType<typeof render>, component: string): INetworkPolicy {
  return byComponent<INetworkPolicy>(manifests, 'NetworkPolicy', component);
}

describe('NetworkPolicies of helm/rampart (prod)', () => {
  beforeAll(() => {
    k8sTools();
  }, TOOLS_TIMEOUT_MS);

  it('isolate each service: one policy selecting exactly its pods, for ingress and egress', () => {
    const manifests = render({ env: 'prod' });
    for (const service of SERVICES) {
      const policy = policyOf(manifests, service);
      expect(policy.spec!.podSelector?.matchLabels).toEqual(
        deploymentOf(manifests, service).spec!.selector.matchLabels,
      );
      expect(policy.spec!.policyTypes).toEqual(['Ingress', 'Egress']);
    }
  });

  it('let incident reach only NATS, Redis, Postgres and DNS, never HTTPS', () => {
    const policy = policyOf(render({ env: 'prod' }), 'incident');
    for (const port of [53, 4222, 6379, 5432]) expect(allowsEgressTo(policy, port)).toBe(true);
    expect(allowsEgressTo(policy, 443)).toBe(false);
    expect(allowsEgressTo(policy, 80)).toBe(false);
  });

  it('let alerting, adversary and learning reach HTTPS (443), and only outside private ranges by default', () => {
    const manifests = render({ env: 'prod' });
    for (const service of SERVICES) {
      const policy = policyOf(manifests, service);
      expect({ service, https: allowsEgressTo(policy, 443) }).toEqual({
        service,
        https: HTTPS_CLIENTS.includes(service),
      });
    }
    const httpsRule = policyOf(manifests, 'alerting').spec!.egress!.find((rule) =>
      rule.ports?.some((p) => p.port === 443),
    )!;
    expect(httpsRule.to?.[0]?.ipBlock?.except).toEqual(
      expect.arrayContaining(['10.0.0.0/8', '169.254.0.0/16']),
    );
  });

  it('admit ingress only to the http port and never through a rule without sources', () => {
    for (const policy of ofKind<INetworkPolicy>(render({ env: 'prod' }), 'NetworkPolicy')) {
      for (const rule of policy.spec!.ingress ?? []) {
        expect(rule.from?.length).toBeGreaterThan(0);
        expect(rule.ports).toEqual([{ port: 'http', protocol: 'TCP' }]);
      }
    }
  });

  it('denies all ingress when no source is allowed, instead of allowing everyone', () => {
    const values = {
      networkPolicy: { ingress: { allowSameNamespace: false, from: [], metricsFrom: [] } },
      tests: { enabled: false },
    };
    const policy = policyOf(render({ env: 'prod', values }), 'guardrail');
    expect(policy.spec!.ingress).toEqual([]);
    expect(policy.spec!.policyTypes).toContain('Ingress');
  });

  it('opens the OTLP collector ports only while a trace exporter endpoint is configured', () => {
    expect(allowsEgressTo(policyOf(render({ env: 'prod' }), 'guardrail'), 4318)).toBe(false);
    const traced = render({
      env: 'prod',
      values: { config: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318' } },
    });
    expect(allowsEgressTo(policyOf(traced, 'guardrail'), 4318)).toBe(true);
  });

  it('limits the migration pod to DNS and Postgres', () => {
    const policy = policyOf(render({ env: 'prod' }), 'migrate');
    expect(allowsEgressTo(policy, 5432)).toBe(true);
    for (const port of [443, 4222, 6379]) expect(allowsEgressTo(policy, port)).toBe(false);
    expect(policy.spec!.ingress).toEqual([]);
  });

  it('renders no NetworkPolicy when networkPolicy.enabled is false', () => {
    const manifests = render({ env: 'prod', values: { networkPolicy: { enabled: false } } });
    expect(ofKind(manifests, 'NetworkPolicy')).toEqual([]);
  });
});
