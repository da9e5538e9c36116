/** Injection tokens of the platform module. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const PRISMA_HANDLE = Symbol('PRISMA_HANDLE');
export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');
