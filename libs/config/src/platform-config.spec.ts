import { ConfigError } from './config-error';
import { redactUrl } from './env-types';
import { loadServiceConfig } from './platform-config';

describe('service configuration', () => {
  it('starts with working local defaults when nothing is set', () => {
    const { platform } = loadServiceConfig('guardrail', 3101, {}, {});
    expect(platform).toMatchObject({
      service: 'guardrail',
      namespace: '',
      nats: { servers: ['nats://127.0.0.1:4222'], replicas: 1, maxDeliver: 5 },
      redis: { url: 'redis://127.0.0.1:6379' },
      database: { schema: 'public', role: 'rampart_service', poolMax: 10 },
      http: { host: '127.0.0.1', port: 3101 },
    });
  });

  it('names every bad variable at once, with what was expected', () => {
    let error: unknown;
    try {
      loadServiceConfig(
        'guardrail',
        3101,
        {},
        { NATS_URL: 'http://x:4222', HTTP_PORT: '70000', LOG_LEVEL: 'loud', JETSTREAM_REPLICAS: 'three' },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/NATS_URL: expected a nats or tls or ws or wss URL/);
    expect(message).toMatch(/HTTP_PORT: expected a port between 1 and 65535/);
    expect(message).toMatch(/LOG_LEVEL: expected one of trace, debug/);
    expect(message).toMatch(/JETSTREAM_REPLICAS/);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('never prints the password of a URL it refuses', () => {
    expect(() => loadServiceConfig('x', 1, {}, { DATABASE_URL: 'mysql://admin:hunter2@db/x' })).toThrow(
      /DATABASE_URL: expected a postgres or postgresql URL .*admin:\*\*\*@db/,
    );
    try {
      loadServiceConfig('x', 1, {}, { DATABASE_URL: 'mysql://admin:hunter2@db/x' });
    } catch (e) {
      expect((e as Error).message).not.toContain('hunter2');
    }
  });

  it('takes the Postgres schema from the URL unless DATABASE_SCHEMA says otherwise', () => {
    const url = 'postgresql://u@h/db?schema=tenant_a';
    expect(loadServiceConfig('x', 1, {}, { DATABASE_URL: url }).platform.database.schema).toBe('tenant_a');
    expect(
      loadServiceConfig('x', 1, {}, { DATABASE_URL: url, DATABASE_SCHEMA: 'other' }).platform.database.schema,
    ).toBe('other');
    expect(loadServiceConfig('x', 1, {}, { DATABASE_ROLE: 'none' }).platform.database.role).toBeUndefined();
  });

  it('treats empty variables as unset, as Helm and compose often render them', () => {
    expect(loadServiceConfig('x', 1, {}, { REDIS_URL: '', HTTP_PORT: '' }).platform.http.port).toBe(1);
  });

  it('validates a service’s own variables in the same pass', async () => {
    const { z } = await import('zod');
    expect(() =>
      loadServiceConfig(
        'x',
        1,
        { GUARD_LIMIT: z.coerce.number().max(10) },
        { GUARD_LIMIT: '11', REDIS_URL: 'x' },
      ),
    ).toThrow(/GUARD_LIMIT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*GUARD_LIMIT/);
    expect(loadServiceConfig('x', 1, { GUARD_LIMIT: z.coerce.number() }, { GUARD_LIMIT: '3' }).own).toEqual({
      GUARD_LIMIT: 3,
    });
  });

  it('masks passwords and secret query parameters in URLs', () => {
    expect(redactUrl('postgresql://u:p@h:5432/db?sslpassword=x&schema=s')).toBe(
      'postgresql://u:***@h:5432/db?sslpassword=***&schema=s',
    );
    expect(redactUrl('not a url //u:pw@h')).toBe('not a url //u:***@h');
  });
});
