import helmet, { strictTransportSecurity, type HelmetOptions } from 'helmet';
import { DOCS_PATH } from '../openapi.js';
import { pathOf, type Middleware, type RawRequest } from './http-types.js';

const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};
/** Swagger UI loads its own scripts and styles, sets inline styles, and calls /docs-json. */
const DOCS_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
};

/** Helmet's defaults, but frames denied outright and HSTS left to `hsts` below, which knows whether TLS was used. */
const helmetFor = (directives: Record<string, string[]>): Middleware =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  } satisfies HelmetOptions);

const apiHeaders = helmetFor(API_CSP);
const docsHeaders = helmetFor(DOCS_CSP);
const hsts = strictTransportSecurity({ maxAge: 31_536_000, includeSubDomains: true });
const DOCS_UI = new RegExp(`^/${DOCS_PATH}(?:/|$)`);

/**
 * Set before anything answers, so every response carries them, problems included. Strict-Transport-Security
 * only on requests that came over TLS (directly, or through a proxy that TRUST_PROXY trusts).
 */
export const securityHeaders: Middleware = (req, res, next) => {
  const docsUi = DOCS_UI.test(pathOf(req.url));
  if (!docsUi) res.setHeader('Cache-Control', 'no-store');
  const headers = docsUi ? docsHeaders : apiHeaders;
  headers(req, res, (error) => {
    if (error !== undefined || !cameOverTls(req)) next(error);
    else hsts(req, res, next);
  });
};

function cameOverTls(req: RawRequest): boolean {
  return req.protocol === 'https';
}
