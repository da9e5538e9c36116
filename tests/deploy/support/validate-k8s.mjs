// Validates Kubernetes objects with kubernetes-models, which is ESM-only: jest runs CommonJS and cannot
// resolve its `import`-only exports, so the deploy tests pipe manifests (JSON array on stdin) through this
// script and read back one result per object: {kind, name, status: 'valid' | 'invalid' | 'unknown', error}.
// 'unknown' means kubernetes-models has no model for that apiVersion/kind (a CRD such as ServiceMonitor).
import { readFileSync } from 'node:fs';
import process from 'node:process';

async function modelFor(apiVersion, kind) {
  const path = apiVersion.includes('/') ? apiVersion : `v1`;
  if (!/^[a-z0-9.]+(\/[a-z0-9]+)?$/.test(path) || !/^[A-Za-z]+$/.test(kind)) return undefined;
  try {
    const module = await import(`kubernetes-models/${path}/${kind}`);
    return module[kind];
  } catch (error) {
    if (error && (error.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || error.code === 'ERR_MODULE_NOT_FOUND')) {
      return undefined;
    }
    throw error;
  }
}

const manifests = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const manifest of manifests) {
  const Model = await modelFor(manifest.apiVersion, manifest.kind);
  const result = { kind: manifest.kind, name: manifest.metadata?.name, status: 'unknown', error: null };
  if (Model) {
    try {
      new Model(manifest).validate();
      result.status = 'valid';
    } catch (error) {
      result.status = 'invalid';
      result.error = String(error.message ?? error);
    }
  }
  results.push(result);
}
process.stdout.write(JSON.stringify(results));
