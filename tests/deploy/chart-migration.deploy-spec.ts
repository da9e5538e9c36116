import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { k8sTools, TOOLS_TIMEOUT_MS } from './support/k8s-tools';
import { ENVIRONMENTS, render } from './support/helm';
import { ofKind } from './support/manifests';
import { envVar } from './support/workloads';

const HOOK = 'helm.sh/hook';
const WEIGHT = 'helm.sh/hook-weight';

describe('migration hook of helm/rampart', () => {
  beforeAll(() => {
    k8sTools();
  }, TOOLS_TIMEOUT_MS);

  it.each(ENVIRONMENTS)('runs `rampart db migrate` as a pre-install/pre-upgrade hook Job (%s)', (env) => {
    const [job, ...others] = ofKind<IJob>(render({ env }), 'Job');
    expect(others).toEqual([]);
    expect(job.metadata!.annotations).toMatchObject({
      [HOOK]: 'pre-install,pre-upgrade',
      'helm.sh/hook-delete-policy': 'before-hook-creation',
    });
    expect(job.spec!.backoffLimit).toEqual(expect.any(Number));
    expect(job.spec!.activeDeadlineSeconds).toBeGreaterThan(0);
    const pod = job.spec!.template.spec!;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.containers[0].args).toEqual(['apps/cli/dist/main.js', 'db', 'migrate']);
  });

  it('creates the hook ServiceAccount and NetworkPolicy before the Job, since they are hooks too', () => {
    const manifests = render({ env: 'prod' });
    const [job] = ofKind<IJob>(manifests, 'Job');
    const hooks = manifests.filter(
      (m) => m.metadata.annotations?.[HOOK]?.includes('pre-install') && m.kind !== 'Job',
    );
    expect(hooks.map((m) => m.kind).sort()).toEqual(['NetworkPolicy', 'ServiceAccount']);
    for (const hook of hooks) {
      expect(hook.metadata.annotations?.[HOOK]).toBe('pre-install,pre-upgrade');
      expect(Number(hook.metadata.annotations?.[WEIGHT])).toBeLessThan(
        Number(job.metadata!.annotations![WEIGHT]),
      );
    }
    expect(job.spec!.template.spec!.serviceAccountName).toBe(
      hooks.find((m) => m.kind === 'ServiceAccount')!.metadata.name,
    );
  });

  it('carries its whole environment inline, because the release ConfigMaps do not exist yet on install', () => {
    const [job] = ofKind<IJob>(render({ env: 'prod' }), 'Job');
    const [container] = job.spec!.template.spec!.containers;
    expect(container.envFrom).toBeUndefined();
    expect(envVar(container, 'DATABASE_ROLE')?.value).toBe('rampart_service');
    expect(envVar(container, 'NODE_ENV')?.value).toBe('production');
    expect(envVar(container, 'DATABASE_URL')?.valueFrom?.secretKeyRef?.key).toBe('DATABASE_URL');
    expect(envVar(container, 'DATABASE_MIGRATION_URL')?.valueFrom?.secretKeyRef).toMatchObject({
      key: 'DATABASE_MIGRATION_URL',
      optional: true,
    });
  });

  it('is the only hook besides the helm test pod, so nothing else waits on the migration', () => {
    const hooked = render({ env: 'prod' }).filter((m) => m.metadata.annotations?.[HOOK]);
    expect(hooked.map((m) => m.metadata.annotations![HOOK]).sort()).toEqual([
      'pre-install,pre-upgrade',
      'pre-install,pre-upgrade',
      'pre-install,pre-upgrade',
      'test',
    ]);
  });

  it('renders no migration objects when migrations.enabled is false', () => {
    const manifests = render({ env: 'prod', values: { migrations: { enabled: false } } });
    expect(manifests.filter((m) => m.metadata.annotations?.[HOOK]?.includes('pre-install'))).toEqual([]);
  });
});
