import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IService } from 'kubernetes-models/v1/Service';
import { k8sTools, TOOLS_TIMEOUT_MS } from './support/k8s-tools';
import { ENVIRONMENTS, render, renderError, SERVICES } from './support/helm';
import { byComponent } from './support/manifests';
import { configOf, containersOf, deploymentOf, envVar, podSpecs } from './support/workloads';

describe('pods of helm/rampart', () => {
  beforeAll(() => {
    k8sTools();
  }, TOOLS_TIMEOUT_MS);

  describe.each(ENVIRONMENTS)('%s', (env) => {
    it('run every container as uid 10001, non-root, read-only root FS, no escalation, ALL capabilities dropped', () => {
      const pods = podSpecs(render({ env }));
      expect(pods.length).toBeGreaterThanOrEqual(SERVICES.length);
      for (const { owner, spec } of pods) {
        expect({ owner, pod: spec.securityContext }).toMatchObject({
          owner,
          pod: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
        });
        expect(spec.automountServiceAccountToken).toBe(false);
        for (const container of containersOf(spec)) {
          expect({ owner, securityContext: container.securityContext }).toEqual({
            owner,
            securityContext: expect.objectContaining({
              runAsNonRoot: true,
              runAsUser: 10001,
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              seccompProfile: { type: 'RuntimeDefault' },
            }),
          });
        }
      }
    });

    it('give each service a writable emptyDir at /tmp, resource requests and a memory limit', () => {
      const manifests = render({ env });
      for (const service of SERVICES) {
        const spec = deploymentOf(manifests, service).spec!.template.spec!;
        const [container] = spec.containers;
        const tmp = container.volumeMounts?.find((m) => m.mountPath === '/tmp');
        expect(tmp).toBeDefined();
        expect(spec.volumes?.find((v) => v.name === tmp!.name)?.emptyDir).toBeDefined();
        expect(container.resources?.requests).toEqual(
          expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }),
        );
        expect(container.resources?.limits?.memory).toBeDefined();
      }
    });

    it('probe /health/live (startup, liveness) and /health/ready (readiness) on the named port "http"', () => {
      const manifests = render({ env });
      for (const service of SERVICES) {
        const [container] = deploymentOf(manifests, service).spec!.template.spec!.containers;
        expect(container.startupProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
        expect(container.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
        expect(container.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
        const port = container.ports?.find((p) => p.name === 'http');
        expect(Number(configOf(manifests, service).HTTP_PORT)).toBe(port?.containerPort);
        const svc = byComponent<IService>(manifests, 'Service', service);
        expect(svc.spec?.type).toBe('ClusterIP');
        expect(svc.spec?.ports).toEqual([expect.objectContaining({ name: 'http', targetPort: 'http' })]);
      }
    });

    it('allow more termination grace than SHUTDOWN_DRAIN_DELAY_MS + SHUTDOWN_TIMEOUT_MS', () => {
      const manifests = render({ env });
      for (const service of SERVICES) {
        const config = configOf(manifests, service);
        const budgetSeconds =
          (Number(config.SHUTDOWN_DRAIN_DELAY_MS ?? 0) + Number(config.SHUTDOWN_TIMEOUT_MS ?? 25000)) / 1000;
        const grace = deploymentOf(manifests, service).spec!.template.spec!.terminationGracePeriodSeconds!;
        expect({ service, grace }).toEqual({ service, grace: expect.any(Number) });
        expect(grace).toBeGreaterThan(budgetSeconds);
      }
    });

    it('roll out without ever dropping below the desired ready replicas', () => {
      const manifests = render({ env });
      for (const service of SERVICES) {
        const strategy = deploymentOf(manifests, service).spec!.strategy!;
        expect(strategy.type).toBe('RollingUpdate');
        expect(strategy.rollingUpdate?.maxUnavailable).toBe(0);
      }
    });

    it('bind each service to its own ServiceAccount, which mounts no API token', () => {
      const manifests = render({ env });
      for (const service of SERVICES) {
        const account = byComponent<IServiceAccount>(manifests, 'ServiceAccount', service);
        expect(account.automountServiceAccountToken).toBe(false);
        expect(deploymentOf(manifests, service).spec!.template.spec!.serviceAccountName).toBe(
          account.metadata!.name,
        );
      }
    });
  });

  it('derives the grace period from the configured shutdown budget instead of a fixed number', () => {
    const manifests = render({ env: 'prod', values: { config: { SHUTDOWN_TIMEOUT_MS: 90000 } } });
    expect(
      deploymentOf(manifests, 'incident').spec!.template.spec!.terminationGracePeriodSeconds,
    ).toBeGreaterThan(95);
  });

  it('binds HTTP to 0.0.0.0 and names the pod as SERVICE_INSTANCE_ID through the downward API', () => {
    const manifests = render({ env: 'prod' });
    for (const service of SERVICES) {
      expect(configOf(manifests, service)).toMatchObject({
        HTTP_HOST: '0.0.0.0',
        OTEL_SERVICE_NAME: service,
      });
      const [container] = deploymentOf(manifests, service).spec!.template.spec!.containers;
      expect(envVar(container, 'SERVICE_INSTANCE_ID')?.valueFrom?.fieldRef?.fieldPath).toBe('metadata.name');
      expect(container.args).toEqual([`apps/${service}/dist/main.js`]);
    }
  });

  it('rolls only the pods whose configuration changed (config checksum annotation)', () => {
    const checksum = (manifests: ReturnType<typeof render>, service: string) =>
      deploymentOf(manifests, service).spec!.template.metadata!.annotations!['checksum/config'];
    const before = render({ env: 'staging' });
    const after = render({
      env: 'staging',
      values: { services: { alerting: { config: { LOG_LEVEL: 'debug' } } } },
    });

    expect(checksum(after, 'alerting')).not.toBe(checksum(before, 'alerting'));
    expect(checksum(after, 'incident')).toBe(checksum(before, 'incident'));
    expect(configOf(after, 'alerting').LOG_LEVEL).toBe('debug');
  });

  it('pins prod pods to the image digest and refuses to render prod without one', () => {
    const manifests = render({ env: 'prod' });
    for (const { spec } of podSpecs(manifests)) {
      expect(spec.containers[0].image).toMatch(/@sha256:[a-f0-9]{64}$/);
    }
    expect(renderError({ env: 'prod', values: { image: { digest: '' } } })).toContain(
      'image.digest is required',
    );
  });
});
