import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runHelm } from './helm';
import { parseManifests } from './manifests';

export interface Application {
  metadata: { name: string; labels?: Record<string, string> };
  spec: {
    project: string;
    revisionHistoryLimit?: number;
    source: {
      repoURL: string;
      targetRevision: string;
      path: string;
      helm?: { releaseName?: string; valueFiles?: string[]; parameters?: { name: string; value: string }[] };
    };
    destination: { server?: string; name?: string; namespace: string };
    syncPolicy?: {
      automated?: { prune?: boolean; selfHeal?: boolean };
      syncOptions?: string[];
      managedNamespaceMetadata?: { labels?: Record<string, string> };
    };
  };
}

export interface ApplicationSet {
  spec: {
    goTemplate?: boolean;
    generators: { list?: { elements: Record<string, unknown>[] } }[];
    template: unknown;
    templatePatch?: string;
    syncPolicy?: { preserveResourcesOnDeletion?: boolean };
    ignoreApplicationDifferences?: { jsonPointers?: string[] }[];
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The merge Argo CD applies for a YAML templatePatch: maps merge key by key, anything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(target) || !isObject(patch)) return patch;
  const merged: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) merged[key] = mergePatch(target[key], value);
  return merged;
}

/**
 * The Applications the list generator produces. Argo CD renders goTemplate templates with Go's text/template
 * and sprig; so does Helm's `tpl`, so a throwaway chart evaluates them with the real engine.
 */
export function generateApplications(appSet: ApplicationSet): Application[] {
  const chart = mkdtempSync(join(tmpdir(), 'rampart-appset-'));
  mkdirSync(join(chart, 'templates'));
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: appset-render\nversion: 0.0.0\n');
  writeFileSync(
    join(chart, 'templates', 'applications.yaml'),
    [
      '{{- range $i, $element := .Values.elements }}',
      '---',
      'apiVersion: v1',
      'kind: RenderedApplication',
      'metadata:',
      '  name: rendered-{{ $i }}',
      'template: {{ tpl $.Values.template $element | toJson }}',
      'patch: {{ tpl $.Values.patch $element | toJson }}',
      '{{- end }}',
    ].join('\n'),
  );
  const elements = appSet.spec.generators.flatMap((g) => g.list?.elements ?? []);
  const valuesFile = join(chart, 'render-values.yaml');
  writeFileSync(
    valuesFile,
    stringify({
      elements,
      template: stringify(appSet.spec.template),
      patch: appSet.spec.templatePatch ?? '',
    }),
  );

  let result: ReturnType<typeof runHelm>;
  try {
    result = runHelm(['template', 'appset', chart, '-f', valuesFile]);
  } finally {
    rmSync(chart, { recursive: true, force: true });
  }
  if (!result.ok) throw new Error(`rendering the ApplicationSet template failed:\n${result.stderr}`);
  // missingkey=error in Argo CD; Helm prints <no value> instead, which must never appear.
  if (result.stdout.includes('<no value>')) throw new Error('the ApplicationSet template uses a missing key');

  return parseManifests(result.stdout).map((rendered) => {
    const template = parse(rendered.template as string) as unknown;
    const patch = parse(rendered.patch as string) as unknown;
    return (patch === null ? template : mergePatch(template, patch)) as Application;
  });
}
