import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { k8sTools, TOOLS_TIMEOUT_MS } from './support/k8s-tools';
import { render } from './support/helm';
import { ofKind } from './support/manifests';
import { configOf, deploymentOf } from './support/workloads';

const TARGETS =
  'targets:\n  support-bot:\n    kind: chat\n    base_url: https://llm.internal.example/v1\n    model: bot\n    api_key_env: SUPPORT_BOT_KEY\n';
const WITH_FILES = {
  services: {
    adversary: {
      files: { 'targets.yaml': TARGETS },
      env: { ADVERSARY_TARGETS_FILE: '/etc/rampart/files/targets.yaml' },
    },
  },
};

describe('service files in helm/rampart (targets, personas, corpora mounted read-only)', () => {
  beforeAll(() => {
    k8sTools();
  }, TOOLS_TIMEOUT_MS);

  it('mounts a service’s files from its own ConfigMap at /etc/rampart/files, read-only', () => {
    const manifests = render({ env: 'prod', values: WITH_FILES });
    const files = ofKind<IConfigMap>(manifests, 'ConfigMap').find((c) =>
      c.metadata!.name!.endsWith('adversary-files'),
    );
    expect(files?.data).toEqual({ 'targets.yaml': TARGETS });
    const pod = deploymentOf(manifests, 'adversary').spec!.template.spec!;
    expect(pod.containers[0].volumeMounts).toContainEqual({
      name: 'files',
      mountPath: '/etc/rampart/files',
      readOnly: true,
    });
    expect(pod.volumes).toContainEqual({ name: 'files', configMap: { name: files!.metadata!.name } });
    expect(configOf(manifests, 'adversary').ADVERSARY_TARGETS_FILE).toBe('/etc/rampart/files/targets.yaml');
  });

  it('rolls the pods when a file changes', () => {
    const checksum = (targets: string) =>
      deploymentOf(
        render({ env: 'prod', values: { services: { adversary: { files: { 'targets.yaml': targets } } } } }),
        'adversary',
      ).spec!.template.metadata!.annotations!['checksum/files'];
    expect(checksum(TARGETS)).toBeDefined();
    expect(checksum(TARGETS)).not.toBe(checksum(`${TARGETS}# changed\n`));
  });

  it('adds no volume or ConfigMap to services without files', () => {
    const manifests = render({ env: 'prod' });
    expect(
      ofKind<IConfigMap>(manifests, 'ConfigMap').filter((c) => c.metadata!.name!.endsWith('-files')),
    ).toEqual([]);
    expect(deploymentOf(manifests, 'adversary').spec!.template.spec!.volumes!.map((v) => v.name)).toEqual([
      'tmp',
    ]);
  });
});
