import { k8sTools, TOOLS_TIMEOUT_MS } from './support/k8s-tools';
import { ENVIRONMENTS, helmLint, render } from './support/helm';
import { ofKind, type Manifest } from './support/manifests';
import { validateWithKubernetesModels } from './support/validate';

interface ServiceMonitor extends Manifest {
  spec: {
    namespaceSelector: { matchNames: string[] };
    selector: { matchLabels: Record<string, string> };
    endpoints: { port: string; path: string }[];
  };
}

const CORE_KINDS = [
  'ConfigMap',
  'Deployment',
  'HorizontalPodAutoscaler',
  'Job',
  'NetworkPolicy',
  'Pod',
  'PodDisruptionBudget',
  'Service',
  'ServiceAccount',
];

describe('helm/rampart renders valid Kubernetes objects', () => {
  beforeAll(() => {
    k8sTools();
  }, TOOLS_TIMEOUT_MS);

  it('passes helm lint --strict with the chart defaults', () => {
    const lint = helmLint();
    expect(lint.output).toContain('0 chart(s) failed');
    expect(lint.ok).toBe(true);
  });

  describe.each(ENVIRONMENTS)('%s', (env) => {
    it('passes helm lint --strict with the environment values', () => {
      const lint = helmLint({ env });
      expect(lint.output).toContain('0 chart(s) failed');
      expect(lint.ok).toBe(true);
    });

    it('renders only the kinds the chart owns, and never a Secret', () => {
      const kinds = new Set(render({ env }).map((m) => m.kind));
      expect([...kinds].filter((kind) => !CORE_KINDS.includes(kind) && kind !== 'ServiceMonitor')).toEqual(
        [],
      );
      expect(kinds.has('Secret')).toBe(false);
      expect(kinds.has('Deployment')).toBe(true);
    });

    it('validates every core object against the Kubernetes schemas (kubernetes-models)', () => {
      const manifests = render({ env });
      const results = validateWithKubernetesModels(manifests);

      expect(results.filter((r) => r.status === 'invalid')).toEqual([]);
      const unvalidated = results.filter((r) => r.status === 'unknown').map((r) => r.kind);
      expect([...new Set(unvalidated)].filter((kind) => kind !== 'ServiceMonitor')).toEqual([]);
      expect(results.filter((r) => r.status === 'valid')).toHaveLength(
        manifests.filter((m) => CORE_KINDS.includes(m.kind)).length,
      );
    });

    it('gives every object a unique kind/name inside the release namespace', () => {
      const manifests = render({ env });
      const keys = manifests.map((m) => `${m.kind}/${m.metadata.name}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(manifests.every((m) => m.metadata.namespace === `rampart-${env}`)).toBe(true);
    });
  });

  it('reports a malformed object as invalid (the validator is not a no-op)', () => {
    const [result] = validateWithKubernetesModels([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'broken' },
        spec: { selector: {}, template: { spec: { containers: [{ name: 'x', image: 'x', ports: [{}] }] } } },
      },
    ]);
    expect(result.status).toBe('invalid');
    expect(result.error).toContain('containerPort');
  });

  it('points each ServiceMonitor (prod) at its own Service port "http" and /metrics', () => {
    const manifests = render({ env: 'prod' });
    const monitors = ofKind<ServiceMonitor>(manifests, 'ServiceMonitor');
    const services = ofKind(manifests, 'Service');
    expect(monitors).toHaveLength(services.length);
    for (const monitor of monitors) {
      expect(monitor.apiVersion).toBe('monitoring.coreos.com/v1');
      expect(monitor.spec.namespaceSelector.matchNames).toEqual(['rampart-prod']);
      expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
      const selected = services.filter((service) =>
        Object.entries(monitor.spec.selector.matchLabels).every(
          ([key, value]) => service.metadata.labels?.[key] === value,
        ),
      );
      expect(selected.map((s) => s.metadata.name)).toEqual([monitor.metadata.name]);
    }
  });

  it('renders no ServiceMonitor unless metrics.serviceMonitor.enabled', () => {
    expect(ofKind(render({ env: 'dev' }), 'ServiceMonitor')).toEqual([]);
  });
});
