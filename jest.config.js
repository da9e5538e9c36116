// Four suites: unit specs beside the code, integration tests against the real NATS, Redis and Postgres,
// cross-service scenarios that start built services as processes, and deployment checks. `npm test` runs all.
const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

// Nest 12 and @nats-io are ESM-only; jest runs CommonJS, so swc also transforms these packages.
const esmOnly = [
  '@nestjs',
  'file-type',
  'load-esm',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  '@nats-io',
  'canonicalize',
  '@bufbuild',
  'kubernetes-models',
  '@kubernetes-models',
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swc, swcrc: false }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^@rampart/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  // Nest's decorators need the Reflect metadata API, which the apps get from @nestjs/core.
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  globalSetup: '<rootDir>/tests/jest/global-setup.js',
  globalTeardown: '<rootDir>/tests/jest/global-teardown.js',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/tests/integration/**/*.int-spec.ts',
        '<rootDir>/{apps,libs}/*/test/**/*.int-spec.ts',
      ],
      setupFilesAfterEnv: ['<rootDir>/tests/jest/long-timeout.js'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/jest/long-timeout.js'],
    },
    // Rendered Helm manifests and deployment files, validated without a cluster.
    {
      ...shared,
      displayName: 'deploy',
      testMatch: ['<rootDir>/tests/deploy/**/*.deploy-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/jest/long-timeout.js'],
    },
  ],
};
