export * from './config-error';
export * from './env-types';
export * from './load-config';
export * from './platform-config';
export * from './document-problems';
