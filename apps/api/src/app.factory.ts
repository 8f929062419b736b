import { RequestMethod, type DynamicModule, type LoggerService, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EventStore, SqlDatabase } from '#event-store';
import { AppModule } from './app.module.js';
import { loadAppConfig, type AppConfig } from '#runtime';
import { authenticateRequests } from './platform/auth/authenticate.middleware.js';
import { FailedAuthenticationLimiter } from './platform/auth/failed-auth-limiter.js';
import { PersonResolver } from './platform/auth/person-resolver.js';
import { TokenVerifier } from './platform/auth/token-verifier.js';
import { API_PREFIX } from './platform/http/api-prefix.js';
import { answerClientErrorsAsProblems } from './platform/http/client-errors.js';
import { corsFor } from './platform/http/cors.js';
import { requireJsonBodies, useJsonBodyParser } from './platform/http/json-body.js';
import { reenterRequestContext, requestContextMiddleware } from './platform/http/request-context.middleware.js';
import { routeResolverOf, type RouterLike } from './platform/http/route-table.js';
import { securityHeaders } from './platform/http/security-headers.js';
import { JsonLogger } from '#runtime';
import { logRequests } from './platform/logging/request-logging.middleware.js';
import { ActiontrailMetrics } from './platform/metrics/actiontrail-metrics.js';
import { HttpMetrics } from './platform/metrics/http-metrics.js';
import { lastErrorHandler, unmatchedRouteHandler } from './platform/problem-details.filter.js';
import { DOCS_JSON_PATH, DOCS_PATH, setupOpenApi } from './platform/openapi.js';
import { rejectUnsafeJsonBodies } from './platform/validation/forbidden-keys.js';
import { currentRequestIds } from './platform/logging/request-ids.js';
import { serveConsole } from './console-gateway/serve-console.js';

export interface CreateAppOptions {
  /** Defaults to the environment (loadAppConfig()). */
  readonly config?: AppConfig;
  /** An already-open store, which the app does not close; otherwise the configured store is opened and closed with the app. */
  readonly store?: EventStore;
  readonly database?: SqlDatabase;
  /** Modules beside the features, e.g. a test-only controller module. */
  readonly extraModules?: readonly (Type<unknown> | DynamicModule)[];
  /** Defaults to JSON lines on stdout at config.logLevel; false silences Nest's logger. */
  readonly logger?: LoggerService | false;
}

const OPERATIONAL_ROUTES = ['health', 'health/live', 'metrics', DOCS_PATH, DOCS_JSON_PATH];

/**
 * Builds and initialises the application exactly as production runs it; main.ts and the e2e tests both use it.
 * The order of the Express middleware matters: context and security headers first (so every answer, even a
 * 413, carries them), CORS, authentication before the body is read (a refused token costs little), then the
 * content-type gate, the JSON parser, and the key check that needs the parsed body. The web console sits
 * before authentication: its pages are every path outside the API and the operational routes.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const config = options.config ?? loadAppConfig();
  const logger = options.logger ?? new JsonLogger({ level: config.logLevel, requestIds: currentRequestIds });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      config,
      ...(options.store ? { store: options.store } : {}),
      ...(options.database ? { database: options.database } : {}),
      ...(options.extraModules ? { extraModules: options.extraModules } : {}),
    }),
    { bodyParser: false, logger, abortOnError: false },
  );
  try {
    configureHttp(app, config);
    answerClientErrorsAsProblems(app.getHttpServer());
    await app.init();
    app.use(unmatchedRouteHandler);
    app.use(lastErrorHandler);
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  // Express would tag every answer with a hash of its body; the only ETag this API sends is a version (@AnswersETag), which If-Match takes.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(requestContextMiddleware);
  app.use(securityHeaders);
  app.use(logRequests);
  const httpMetrics = app.get(HttpMetrics);
  const express = app.getHttpAdapter().getInstance() as { readonly router?: RouterLike };
  httpMetrics.resolveUnroutedWith(routeResolverOf(() => express.router));
  app.use(httpMetrics.middleware);
  app.use(corsFor(config.corsOrigins));
  serveConsole(app, config, OPERATIONAL_ROUTES);
  const personResolver = app.get(PersonResolver);
  const metrics = app.get(ActiontrailMetrics);
  app.use(
    authenticateRequests({
      verifier: app.get(TokenVerifier),
      limiter: app.get(FailedAuthenticationLimiter),
      resolvePerson: (subject) => personResolver.personIdFor(subject),
      onRefused: (reason) => metrics.tokenRefused(reason),
    }),
  );
  app.use(requireJsonBodies);
  useJsonBodyParser(app);
  app.use(reenterRequestContext);
  app.use(rejectUnsafeJsonBodies);
  app.setGlobalPrefix(API_PREFIX, { exclude: OPERATIONAL_ROUTES.map((path) => ({ path, method: RequestMethod.ALL })) });
  setupOpenApi(app);
}
