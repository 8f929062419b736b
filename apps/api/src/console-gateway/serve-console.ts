import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CONSOLE_GATEWAY, consoleMiddleware, openIdConnectSignIn, type ConsoleGateway } from '#console';
import type { AppConfig } from '#runtime';
import { API_PREFIX } from '../platform/http/api-prefix.js';
import { requestContextOf } from '../platform/request-context.js';

const logger = new Logger('Console');

/** The API, the health and metrics endpoints and the OpenAPI pages: everything else is the console's. */
export function isAppPath(operationalRoutes: readonly string[]): (path: string) => boolean {
  const prefixes = [API_PREFIX.split('/')[0] ?? 'api', ...operationalRoutes];
  return (path) => prefixes.some((prefix) => path === `/${prefix}` || path.startsWith(`/${prefix}/`));
}

/**
 * Mounts the web console at /. It reads its own form bodies and signs people in with its own session cookie,
 * so it runs before the API's token check and JSON body gate, which never see its requests.
 */
export function serveConsole(app: NestFastifyApplication, config: AppConfig, operationalRoutes: readonly string[]): void {
  app.use(
    consoleMiddleware({
      gateway: app.get<ConsoleGateway>(CONSOLE_GATEWAY),
      production: config.isProduction,
      oidc: config.consoleSignIn && openIdConnectSignIn(config.consoleSignIn),
      isAppPath: isAppPath(operationalRoutes),
      requestIds: (req) => {
        const context = requestContextOf(req);
        if (!context) throw new Error('the console must run after the request context middleware');
        return { correlationId: context.correlationId, requestId: context.requestId };
      },
      onError: (error, req) => {
        const context = requestContextOf(req);
        logger.error({
          message: `Unhandled error on console page ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`,
          correlationId: context?.correlationId,
          stack: error instanceof Error ? error.stack : undefined,
        });
      },
    }),
  );
}
