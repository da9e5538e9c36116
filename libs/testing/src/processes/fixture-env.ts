import type { PlatformConfig } from '@rampart/config';
import { testPlatformConfig } from '../test-config';

/** Fixture processes get their isolation from the test that spawned them. */
export function fixtureConfig(service: string): PlatformConfig {
  const namespace = process.env.TEST_NAMESPACE;
  const schema = process.env.TEST_SCHEMA;
  if (!namespace || !schema) throw new Error('TEST_NAMESPACE and TEST_SCHEMA must be set');
  return testPlatformConfig(service, { namespace, schema });
}

export function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
