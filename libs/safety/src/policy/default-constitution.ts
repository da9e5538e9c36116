import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Constitution } from './constitution';
import { parseConstitution } from './constitution-parser';

/** Shipped beside this module; the build copies it into dist (swc `--copy-files`). */
export const DEFAULT_CONSTITUTION_PATH = join(__dirname, 'default-constitution.yaml');

let source: string | undefined;
let parsed: Constitution | undefined;

/** The default constitution's YAML, as the service stores it as its first policy version. */
export function defaultConstitutionSource(): string {
  source ??= readFileSync(DEFAULT_CONSTITUTION_PATH, 'utf8');
  return source;
}

/** The default constitution, parsed once per process (it is immutable, so sharing it is safe). */
export function loadDefaultConstitution(): Constitution {
  parsed ??= parseConstitution(defaultConstitutionSource());
  return parsed;
}
