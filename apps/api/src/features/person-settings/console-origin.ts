import type { AppConfig } from '#runtime';
import type { HttpRequest } from '../../platform/http/http-types.js';

/** The origin a request came to (Fastify's protocol honours TRUST_PROXY). */
export function requestOriginOf(req: HttpRequest): string {
  const protocol = req.protocol;
  return `${protocol}://${req.headers.host ?? 'localhost'}`;
}

/**
 * Where browsers reach the console: PUBLIC_BASE_URL (set with the console's OpenID sign-in), else the origin the
 * request came to. Links in a feed and the feed's own address use it.
 */
export function consoleOriginOf(config: AppConfig, requestOrigin: string): string {
  return config.consoleSignIn?.publicBaseUrl ?? requestOrigin;
}

/** The feed's address, https and webcal (calendar apps that subscribe on a click: Outlook, Apple Calendar). */
export function calendarFeedUrlsOf(origin: string, token: string): { readonly url: string; readonly webcalUrl: string } {
  const url = `${origin}/api/v1/calendar/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
}
