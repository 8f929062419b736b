import type { Middleware } from './http-types.js';

const ALLOWED_METHODS = 'GET, POST, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'Authorization, Content-Type, If-Match, Idempotency-Key, X-Correlation-Id';
const EXPOSED_HEADERS = 'ETag, Location, Retry-After, X-Correlation-Id, X-Request-Id, X-Projection-Position, Idempotent-Replay';
const PREFLIGHT_CACHE_SECONDS = '600';

/**
 * CORS for the origins in CORS_ORIGINS, none by default (then no CORS header is ever sent). Tokens travel in
 * the Authorization header, never cookies, so credentials are not allowed. `*` allows every origin.
 */
export function corsFor(origins: readonly string[]): Middleware {
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins.map((origin) => origin.replace(/\/+$/, '').toLowerCase()));
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (allowed.size > 0) res.appendHeader('Vary', 'Origin');
    if (typeof origin !== 'string' || !(anyOrigin || allowed.has(origin.toLowerCase()))) return next();
    res.setHeader('Access-Control-Allow-Origin', anyOrigin ? '*' : origin);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', PREFLIGHT_CACHE_SECONDS);
      res.statusCode = 204;
      res.end();
      return;
    }
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    next();
  };
}
