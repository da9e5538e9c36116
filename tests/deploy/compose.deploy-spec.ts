import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './support/k8s-tools';
import { SERVICES } from './support/helm';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  user?: string;
  read_only?: boolean;
  restart?: string;
}

// Compose reads YAML merge keys (<<), which YAML 1.2 parsers only apply when asked to.
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const DEFAULT_PORTS: Record<string, string> = {
  guardrail: '3101',
  adversary: '3102',
  'campaign-scheduler': '3103',
  incident: '3104',
  alerting: '3105',
  learning: '3106',
};

describe('docker-compose.yml', () => {
  it('defines the infrastructure, the migration and the six services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['migrate', 'nats', 'postgres', 'redis', ...SERVICES].sort(),
    );
  });

  it.each(SERVICES)(
    'starts %s from the shared image only after migrate succeeded and the infra is healthy',
    (name) => {
      const service = compose.services[name];
      expect(service.build).toEqual({ context: '.', dockerfile: 'infra/docker/Dockerfile' });
      expect(service.command).toEqual([`apps/${name}/dist/main.js`]);
      expect(service.depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        nats: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
      });
      expect(service.healthcheck?.test.join(' ')).toContain('/health/ready');
      expect(service.environment).toMatchObject({ HTTP_HOST: '0.0.0.0', HTTP_PORT: DEFAULT_PORTS[name] });
      expect(service.ports).toEqual([`127.0.0.1:${DEFAULT_PORTS[name]}:${DEFAULT_PORTS[name]}`]);
      expect(service).toMatchObject({ user: '10001:10001', read_only: true });
    },
  );

  it('runs the migration once as the owner login, after Postgres is healthy', () => {
    const migrate = compose.services.migrate;
    expect(migrate.command).toEqual(['apps/cli/dist/main.js', 'db', 'migrate']);
    expect(migrate.restart).toBe('no');
    expect(migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(migrate.environment?.DATABASE_MIGRATION_URL).toMatch(/^postgresql:\/\//);
  });

  it('publishes every port on 127.0.0.1 only', () => {
    const ports = Object.values(compose.services).flatMap((s) => s.ports ?? []);
    expect(ports.length).toBeGreaterThan(SERVICES.length);
    expect(ports.filter((p) => !p.startsWith('127.0.0.1:'))).toEqual([]);
  });

  it('runs NATS with JetStream on a persistent volume, Redis with AOF and noeviction, and Postgres 15', () => {
    const { nats, redis, postgres } = compose.services;
    expect(nats.command).toContain('-js');
    const store = nats.command![nats.command!.indexOf('-sd') + 1];
    expect(nats.volumes).toContain(`nats-data:${store}`);
    expect(redis.command?.join(' ')).toMatch(/--appendonly yes/);
    expect(redis.command?.join(' ')).toMatch(/--maxmemory-policy noeviction/);
    expect(postgres.image).toMatch(/^postgres:15(\.|-|$)/);
    for (const infra of [nats, redis, postgres]) expect(infra.healthcheck?.test.length).toBeGreaterThan(1);
    expect(Object.keys(compose.volumes)).toEqual(
      expect.arrayContaining(['nats-data', 'redis-data', 'postgres-data']),
    );
  });
});
