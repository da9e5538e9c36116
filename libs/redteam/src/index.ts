export * from './redteam-error';
export * from './types';
export * from './random/seeded-random';
export * from './strategies/strategy';
export * from './strategies/strategy-registry';
export * from './targets/attack-target';
export * from './judges/judge';
