export * from './infra-urls';
export * from './unique-id';
export * from './wait-for';
export * from './test-database';
