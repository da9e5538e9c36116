import type { IncomingMessage, ServerResponse } from 'node:http';

const MOUNT_ROUTES = Symbol('rampart.observability.mount-routes');

/** The parts of Express' request the middleware read; typed here so the library needs no @types/express. */
export interface HttpRequest extends IncomingMessage {
  originalUrl?: string;
  /** Set by Express once a route matched: its path pattern, e.g. `/incidents/:id`. */
  route?: { path?: unknown };
  [MOUNT_ROUTES]?: Set<object>;
}

export type HttpResponse = ServerResponse;
export type NextFunction = (error?: unknown) => void;

/** Routes polled by Kubernetes and Prometheus every few seconds. */
export const PROBE_ROUTES: readonly string[] = ['/health/live', '/health/ready', '/metrics'];

// Also under a global prefix (/api/health/live); the query string does not count.
const PROBE_PATH = /\/(?:health\/(?:live|ready)|metrics)\/?(?:\?.*)?$/;

/** Whether a raw request URL is a probe or a scrape; spans for those would drown the real traces. */
export function isProbeUrl(url: string | undefined): boolean {
  return url !== undefined && PROBE_PATH.test(url);
}

/** Route label of requests no route matched (404s, probes of random paths). */
export const UNMATCHED_ROUTE = 'unmatched';

/** Status recorded when the client went away before the response was complete (as nginx does). */
export const CLIENT_CLOSED_STATUS = 499;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The route pattern that served the request, never the raw URL: ids and query strings in labels would
 * make metric cardinality unbounded, and paths can carry secrets (reset tokens, signed links).
 */
export function routeOf(request: HttpRequest): string {
  const route = request.route;
  if (!route || request[MOUNT_ROUTES]?.has(route)) return UNMATCHED_ROUTE;
  return typeof route.path === 'string' && route.path.length > 0 ? route.path : UNMATCHED_ROUTE;
}

/**
 * Nest mounts middleware for all routes as an Express route (`all('/{*path}')`), which sets `req.route`
 * too. A middleware calls this on entry so that, when no controller route replaces that one, the request
 * counts as unmatched rather than as a request to `/{*path}`.
 */
export function noteMiddlewareMount(request: HttpRequest): void {
  if (request.route) (request[MOUNT_ROUTES] ??= new Set()).add(request.route);
}

/** The request method, with anything non-standard folded into OTHER to keep label values bounded. */
export function methodOf(request: HttpRequest): string {
  const method = (request.method ?? 'GET').toUpperCase();
  return METHODS.has(method) ? method : 'OTHER';
}

/** Final status of the response; 499 when the connection closed before it was fully sent. */
export function statusOf(response: HttpResponse): number {
  return response.writableFinished ? response.statusCode : CLIENT_CLOSED_STATUS;
}
