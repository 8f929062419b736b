/** Every API route lives under /api/v1; the operational endpoints stay at the root. */
export const API_PREFIX = 'api/v1';
export const API_PATH_PREFIX = `/${API_PREFIX}/`;

export function isApiPath(originalUrl: string): boolean {
  return originalUrl.startsWith(API_PATH_PREFIX);
}

/** The label of a request no route matches (an unknown path): one series for all of them. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The route pattern (`/api/v1/actions/:id`), never the raw URL, so that metric labels stay few. Fastify routes a
 * request before its first hook runs, so one refused early (401, 415, 413) carries its route too; wildcard routes
 * (the docs' assets) count as unmatched.
 */
export function routePatternOf(req: { readonly routeOptions?: { readonly url?: string | undefined } }): string {
  const path = req.routeOptions?.url;
  if (typeof path !== 'string' || path.includes('*')) return UNMATCHED_ROUTE;
  return path;
}
