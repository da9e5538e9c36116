export * from './types';
export * from './engine/safety-guard';
