/** Injection token of the platform's pino logger (a `pino.Logger`). */
export const LOGGER = Symbol.for('rampart.observability.logger');

/** Injection token of the resolved `ObservabilityModuleOptions`. */
export const OBSERVABILITY_OPTIONS = Symbol.for('rampart.observability.options');
