import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { k8sTools, REPO_ROOT, TOOLS_TIMEOUT_MS } from './support/k8s-tools';
import { type Application, type ApplicationSet, generateApplications } from './support/argocd';
import { ENVIRONMENTS, environmentValuesFile, render } from './support/helm';
import { parseManifests } from './support/manifests';

const ARGOCD_DIR = join(REPO_ROOT, 'infra', 'gitops', 'argocd');

interface AppProject {
  spec: {
    sourceRepos: string[];
    destinations: { server: string; namespace: string }[];
    clusterResourceWhitelist: { group: string; kind: string }[];
    namespaceResourceWhitelist: { group: string; kind: string }[];
  };
}

const readYaml = <T>(file: string) => parse(readFileSync(join(ARGOCD_DIR, file), 'utf8')) as T;

/** The values Argo CD hands Helm for an Application: its values file, then its parameters. */
function applicationValues(app: Application): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const { name, value } of app.spec.source.helm?.parameters ?? []) {
    const path = name.split('.');
    let node = values;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return values;
}

describe('Argo CD manifests (infra/gitops/argocd)', () => {
  let applications: Application[];
  const appSet = readYaml<ApplicationSet>('applicationset.yaml');
  const project = readYaml<AppProject>('appproject.yaml');

  beforeAll(() => {
    k8sTools();
    applications = generateApplications(appSet);
  }, TOOLS_TIMEOUT_MS);

  const appFor = (env: string) => applications.find((a) => a.metadata.name === `rampart-${env}`)!;

  it('build with kustomize into the argocd namespace: one AppProject, one ApplicationSet', () => {
    const built = parseManifests(
      execFileSync(k8sTools().kubectl, ['kustomize', ARGOCD_DIR], { encoding: 'utf8' }),
    );
    expect(built.map((m) => `${m.apiVersion} ${m.kind}`).sort()).toEqual([
      'argoproj.io/v1alpha1 AppProject',
      'argoproj.io/v1alpha1 ApplicationSet',
    ]);
    expect(built.every((m) => m.metadata.namespace === 'argocd')).toBe(true);
  });

  it('generate one Application per environment, all in the rampart project', () => {
    expect(applications.map((a) => a.metadata.name).sort()).toEqual([
      'rampart-dev',
      'rampart-prod',
      'rampart-staging',
    ]);
    expect(applications.every((a) => a.spec.project === 'rampart')).toBe(true);
  });

  it.each(ENVIRONMENTS)('point rampart-%s at helm/rampart and at that environment values file', (env) => {
    const { source } = appFor(env).spec;
    expect(existsSync(join(REPO_ROOT, source.path, 'Chart.yaml'))).toBe(true);
    expect(source.path).toBe('helm/rampart');
    // Argo CD resolves value files relative to the chart and refuses paths outside the repository.
    const valueFiles = (source.helm?.valueFiles ?? []).map((file) => resolve(REPO_ROOT, source.path, file));
    expect(valueFiles).toEqual([environmentValuesFile(env)]);
    expect(valueFiles.every((file) => existsSync(file) && file.startsWith(`${REPO_ROOT}/`))).toBe(true);
    expect(project.spec.sourceRepos).toContain(source.repoURL);
  });

  it('deploy only into destinations the AppProject allows, one namespace per environment', () => {
    for (const env of ENVIRONMENTS) {
      const { destination } = appFor(env).spec;
      expect(destination.namespace).toBe(`rampart-${env}`);
      expect(project.spec.destinations).toContainEqual({
        server: destination.server,
        namespace: destination.namespace,
      });
    }
  });

  it('sync dev and staging automatically with prune and self-heal, and prod only by hand', () => {
    expect(appFor('dev').spec.syncPolicy?.automated).toMatchObject({ prune: true, selfHeal: true });
    expect(appFor('staging').spec.syncPolicy?.automated).toMatchObject({ prune: true, selfHeal: true });
    expect(appFor('prod').spec.syncPolicy).toBeDefined();
    expect(appFor('prod').spec.syncPolicy?.automated).toBeUndefined();
  });

  it('create the namespace, apply server-side and keep sync history for rollbacks in every environment', () => {
    for (const app of applications) {
      expect(app.spec.syncPolicy?.syncOptions).toEqual(
        expect.arrayContaining(['CreateNamespace=true', 'ServerSideApply=true']),
      );
      expect(app.spec.revisionHistoryLimit).toBeGreaterThanOrEqual(5);
      expect(app.spec.syncPolicy?.managedNamespaceMetadata?.labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
      });
    }
  });

  it('let an operator pause auto-sync for an emergency rollback, and never cascade-delete an environment', () => {
    expect(appSet.spec.goTemplate).toBe(true);
    expect(appSet.spec.ignoreApplicationDifferences?.flatMap((i) => i.jsonPointers ?? [])).toContain(
      '/spec/syncPolicy/automated',
    );
    expect(appSet.spec.syncPolicy?.preserveResourcesOnDeletion).toBe(true);
  });

  it.each(ENVIRONMENTS)('whitelist in the AppProject every kind the chart renders for rampart-%s', (env) => {
    const allowed = new Set(project.spec.namespaceResourceWhitelist.map((r) => `${r.group}/${r.kind}`));
    const manifests = render({ env, values: applicationValues(appFor(env)) });
    const groupKinds = manifests.map(
      (m) => `${m.apiVersion.includes('/') ? m.apiVersion.split('/')[0] : ''}/${m.kind}`,
    );
    expect([...new Set(groupKinds)].filter((gk) => !allowed.has(gk))).toEqual([]);
    expect(project.spec.clusterResourceWhitelist).toContainEqual({ group: '', kind: 'Namespace' });
  });
});
