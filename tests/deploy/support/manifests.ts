import { parseAllDocuments } from 'yaml';

/** The fields of a rendered object that the checks read; the rest stays untyped. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`invalid YAML in rendered output: ${doc.errors[0].message}`);
      return doc.toJS() as Manifest | null;
    })
    .filter((doc): doc is Manifest => doc !== null && typeof doc === 'object');
}

export function ofKind<T = Manifest>(manifests: Manifest[], kind: string): T[] {
  return manifests.filter((m) => m.kind === kind) as T[];
}

export function componentOf(manifest: {
  metadata?: { labels?: Record<string, string> };
}): string | undefined {
  return manifest.metadata?.labels?.['app.kubernetes.io/component'];
}

export function byComponent<T = Manifest>(manifests: Manifest[], kind: string, component: string): T {
  const found = manifests.filter((m) => m.kind === kind && componentOf(m) === component);
  if (found.length !== 1) throw new Error(`expected one ${kind} for ${component}, found ${found.length}`);
  return found[0] as T;
}
