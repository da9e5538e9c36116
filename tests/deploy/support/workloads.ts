import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { byComponent, type Manifest, ofKind } from './manifests';

export interface PodOwner {
  owner: string;
  spec: IPodSpec;
}

/** Every pod the release can start: Deployments, the migration Job and the helm test Pod. */
export function podSpecs(manifests: Manifest[]): PodOwner[] {
  return [
    ...ofKind<IDeployment>(manifests, 'Deployment').map((d) => ({
      owner: `Deployment/${d.metadata!.name}`,
      spec: d.spec!.template.spec!,
    })),
    ...ofKind<IJob>(manifests, 'Job').map((j) => ({
      owner: `Job/${j.metadata!.name}`,
      spec: j.spec!.template.spec!,
    })),
    ...ofKind<IPod>(manifests, 'Pod').map((p) => ({ owner: `Pod/${p.metadata!.name}`, spec: p.spec! })),
  ];
}

export function containersOf(spec: IPodSpec): IContainer[] {
  return [...spec.containers, ...(spec.initContainers ?? [])];
}

export function deploymentOf(manifests: Manifest[], service: string): IDeployment {
  return byComponent<IDeployment>(manifests, 'Deployment', service);
}

/** The service's environment ConfigMap (not its `-files` ConfigMap, when it has one). */
export function configOf(manifests: Manifest[], service: string): Record<string, string> {
  const environment = manifests.filter(
    (m) => !(m.kind === 'ConfigMap' && m.metadata.name.endsWith('-files')),
  );
  return byComponent<IConfigMap>(environment, 'ConfigMap', service).data ?? {};
}

export function envVar(container: IContainer, name: string) {
  return container.env?.find((e) => e.name === name);
}
