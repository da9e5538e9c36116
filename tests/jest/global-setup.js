// Finds the real Postgres, Redis and NATS the integration and e2e suites run against, once per jest run.
// A URL in the environment wins (TEST_DATABASE_URL or DATABASE_URL, REDIS_URL, NATS_URL); otherwise the local
// default port is used when something listens there; otherwise, where a Docker engine is available, a
// container is started with testcontainers (imported only then: it is heavy, and needs no Docker otherwise).
const { connect } = require('node:net');
const { existsSync } = require('node:fs');

const SERVICES = [
  {
    name: 'Postgres',
    env: ['TEST_DATABASE_URL', 'DATABASE_URL'],
    port: 5432,
    image: 'postgres:15-alpine',
    containerEnv: { POSTGRES_HOST_AUTH_METHOD: 'trust' },
    url: (host, port) => `postgresql://postgres@${host}:${port}/rampart_test`,
    hint: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  },
  {
    name: 'Redis',
    env: ['REDIS_URL'],
    port: 6379,
    image: 'redis:7-alpine',
    url: (host, port) => `redis://${host}:${port}`,
    hint: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ""',
  },
  {
    name: 'NATS',
    env: ['NATS_URL'],
    port: 4222,
    image: 'nats:2.10-alpine',
    command: ['-js'],
    url: (host, port) => `nats://${host}:${port}`,
    hint: 'nats-server -a 127.0.0.1 -p 4222 -js (see .ci/run)',
  },
];

function listening(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function dockerAvailable() {
  return Boolean(process.env.DOCKER_HOST) || existsSync('/var/run/docker.sock');
}

module.exports = async function globalSetup() {
  const containers = [];
  for (const service of SERVICES) {
    if (service.env.some((name) => process.env[name])) continue;
    if (await listening(service.port)) continue;
    if (!dockerAvailable()) {
      throw new Error(
        `${service.name} is not reachable on 127.0.0.1:${service.port}, no ${service.env.join('/')} is set ` +
          `and there is no Docker engine for testcontainers. Start it with: ${service.hint}`,
      );
    }
    const { GenericContainer, Wait } = require('testcontainers');
    let container = new GenericContainer(service.image).withExposedPorts(service.port);
    if (service.containerEnv) container = container.withEnvironment(service.containerEnv);
    if (service.command) container = container.withCommand(service.command);
    const started = await container.withWaitStrategy(Wait.forListeningPorts()).start();
    containers.push(started);
    process.env[service.env[0]] = service.url(started.getHost(), started.getMappedPort(service.port));
  }
  globalThis.__RAMPART_CONTAINERS__ = containers;
};
