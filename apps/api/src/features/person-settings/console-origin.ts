import type { AppConfig } from '#runtime';
import type { HttpRequest } from '../../platform/http/http-types.js';

/**
 * Where browsers reach the console: PUBLIC_BASE_URL (set with the console's OpenID sign-in), else the origin this
 * request came to (Express's protocol honours TRUST_PROXY). Links in a feed and the feed's own address use it.
 */
export function consoleOriginOf(config: AppConfig, req: HttpRequest): string {
  if (config.consoleSignIn) return config.consoleSignIn.publicBaseUrl;
  const protocol = (req as HttpRequest & { readonly protocol?: string }).protocol ?? 'http';
  return `${protocol}://${req.headers.host ?? 'localhost'}`;
}
