import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Manifest } from './manifests';

export interface ValidationResult {
  kind: string;
  name: string;
  status: 'valid' | 'invalid' | 'unknown';
  error: string | null;
}

/** Constructs each object with its kubernetes-models class and calls `.validate()` (in a native ESM process). */
export function validateWithKubernetesModels(manifests: Manifest[]): ValidationResult[] {
  const output = execFileSync(process.execPath, [join(__dirname, 'validate-k8s.mjs')], {
    input: JSON.stringify(manifests),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(output) as ValidationResult[];
}
