import { DOCS_PATH } from '../openapi.js';
import type { HttpRequest, Middleware } from './http-types.js';

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Swagger UI loads its own scripts and styles, sets inline styles, and calls /docs-json. */
const DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
  + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const HSTS = 'max-age=31536000; includeSubDomains';
const DOCS_UI = new RegExp(`^/${DOCS_PATH}(?:/|$)`);

/**
 * Set before anything answers, so every response carries them, problems included. Strict-Transport-Security
 * only on requests that came over TLS (directly, or through a proxy that TRUST_PROXY trusts).
 */
export const securityHeaders: Middleware = (req, res, next) => {
  const docsUi = DOCS_UI.test(req.path);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Content-Security-Policy', docsUi ? DOCS_CSP : API_CSP);
  if (!docsUi) res.setHeader('Cache-Control', 'no-store');
  if (cameOverTls(req)) res.setHeader('Strict-Transport-Security', HSTS);
  next();
};

function cameOverTls(req: HttpRequest): boolean {
  return (req as HttpRequest & { readonly secure?: boolean }).secure === true;
}
