/**
 * Where the real NATS, Redis and Postgres for tests are. URLs come from the environment; where none is set
 * the local ports are used (jest's global setup may have started containers and set these variables).
 */
export interface InfraUrls {
  databaseUrl: string;
  natsUrl: string;
  redisUrl: string;
}

export function infraUrls(env: NodeJS.ProcessEnv = process.env): InfraUrls {
  return {
    databaseUrl:
      env.TEST_DATABASE_URL ?? env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/rampart_test',
    natsUrl: env.NATS_URL ?? 'nats://127.0.0.1:4222',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}
