/** Injection tokens of the platform module. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const PRISMA_HANDLE = Symbol('PRISMA_HANDLE');
export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');
/** The AuditAnchorer, or undefined when AUDIT_ANCHOR_INTERVAL_MS is 0. */
export const AUDIT_ANCHORER = Symbol('AUDIT_ANCHORER');
