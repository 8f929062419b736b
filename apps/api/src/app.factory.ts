import { RequestMethod, type DynamicModule, type LoggerService, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore, SqlDatabase } from '#event-store';
import { AppModule } from './app.module.js';
import { loadAppConfig, type AppConfig } from '#runtime';
import { authenticateRequests } from './platform/auth/authenticate.middleware.js';
import { FailedAuthenticationLimiter } from './platform/auth/failed-auth-limiter.js';
import { PersonResolver } from './platform/auth/person-resolver.js';
import { TokenVerifier } from './platform/auth/token-verifier.js';
import { API_PREFIX } from './platform/http/api-prefix.js';
import { answerClientErrorAsProblem } from './platform/http/client-errors.js';
import { corsFor } from './platform/http/cors.js';
import { JSON_BODY_LIMIT_BYTES, requireJsonBodies, useJsonBodyParser } from './platform/http/json-body.js';
import { reenterRequestContext, requestContextMiddleware } from './platform/http/request-context.middleware.js';
import { securityHeaders } from './platform/http/security-headers.js';
import { answerRouterRefusals } from './platform/http/router-refusals.js';
import { JsonLogger } from '#runtime';
import { logRequests } from './platform/logging/request-logging.middleware.js';
import { ActiontrailMetrics } from './platform/metrics/actiontrail-metrics.js';
import { HttpMetrics } from './platform/metrics/http-metrics.js';
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
 * It runs on Fastify, which measured about a third of Express's CPU per request (docs/benchmarks.md). The order
 * of the middleware matters: context and security headers first (so every answer, even a 413, carries them),
 * CORS, authentication before the body is read (a refused token costs little), then the content-type gate; the
 * JSON parser, and the key check that needs the parsed body, follow as Fastify's own stages. The web console sits
 * before authentication: its pages are every path outside the API and the operational routes.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const config = options.config ?? loadAppConfig();
  const logger = options.logger ?? new JsonLogger({ level: config.logLevel, requestIds: currentRequestIds });
  // The router's refusals are counted by the metrics the app only has once it is created.
  const late: { httpMetrics?: HttpMetrics } = {};
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      ...(options.store ? { store: options.store } : {}),
      ...(options.database ? { database: options.database } : {}),
      ...(options.extraModules ? { extraModules: options.extraModules } : {}),
    }),
    new FastifyAdapter({
      trustProxy: trustedProxies(config.trustProxy),
      bodyLimit: JSON_BODY_LIMIT_BYTES,
      clientErrorHandler: answerClientErrorAsProblem,
      frameworkErrors: answerRouterRefusals(() => late.httpMetrics),
      // As Express routed: a trailing slash names the same resource; a calendar token is longer than Fastify's default 100.
      routerOptions: { ignoreTrailingSlash: true, maxParamLength: 512 },
    }),
    { bodyParser: false, logger, abortOnError: false },
  );
  late.httpMetrics = app.get(HttpMetrics);
  try {
    configureHttp(app, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

function configureHttp(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  app.use(requestContextMiddleware);
  app.use(securityHeaders);
  app.use(logRequests);
  fastify.addHook('onResponse', app.get(HttpMetrics).onResponse);
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
  useJsonBodyParser(fastify);
  fastify.addHook('preValidation', rejectUnsafeJsonBodies);
  fastify.addHook('preHandler', reenterRequestContext);
  app.setGlobalPrefix(API_PREFIX, { exclude: OPERATIONAL_ROUTES.map((path) => ({ path, method: RequestMethod.ALL })) });
  setupOpenApi(app);
}

/** TRUST_PROXY as Express read it, kept on Fastify: a hop count trusts that many proxies in front; a string names addresses, subnets or `loopback`. */
function trustedProxies(setting: AppConfig['trustProxy']): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}
