import { hostname } from 'node:os';
import { startTracing } from '@rampart/observability';

export const tracing = startTracing({
  service: 'guardrail',
  instanceId: process.env.SERVICE_INSTANCE_ID ?? `${hostname()}-${process.pid}`,
});
