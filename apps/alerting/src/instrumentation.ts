import { hostname } from 'node:os';
import { startTracing } from '@rampart/observability';

export const tracing = startTracing({
  service: 'alerting',
  instanceId: process.env.SERVICE_INSTANCE_ID ?? `${hostname()}-${process.pid}`,
});
