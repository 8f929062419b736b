import { Logger } from '@nestjs/common';
import type { HttpRequest, Middleware, NextFunction } from '../http/http-types.js';
import { requestContextOf, runInRequestContext, setCurrentActor, type RequestContext } from '../request-context.js';
import { AuthenticationError, AuthenticationUnavailableError } from './auth-errors.js';
import { authenticationUnavailable, tooManyFailedAuthentications, unauthorized } from './auth-problems.js';
import { developmentActor } from './development-actor.js';
import type { FailedAuthenticationLimiter } from './failed-auth-limiter.js';
import type { TokenVerifier } from './token-verifier.js';

export interface AuthenticationOptions {
  readonly verifier: TokenVerifier;
  readonly limiter: FailedAuthenticationLimiter;
  /** AUTH_ENFORCE_ROLES: refuse bad tokens (401, 429). Off (phase 1), a refused token counts as none. */
  readonly enforce: boolean;
  /** AUTH_DEV_ACTOR_HEADER: without a token, act as X-Actor names (phase-1 bridge). */
  readonly devActorHeader: boolean;
}

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const logger = new Logger('Authentication');

/**
 * Verifies the bearer token before the body is parsed, so a refused caller costs little, and names the
 * actor of the request. Whether the route needs one is the AuthorizationGuard's decision, later.
 * Neither the header nor the token is ever logged.
 */
export function authenticateRequests(options: AuthenticationOptions): Middleware {
  return (req, _res, next) => {
    const context = requestContextOf(req);
    if (!context) return next(new Error('authentication must run after the request context middleware'));
    const authorization = req.headers.authorization;
    if (authorization === undefined) return actWithoutToken(req, context, options, next);

    const client = clientAddress(req);
    const wait = options.enforce ? options.limiter.retryAfterSeconds(client) : 0;
    if (wait > 0) return next(tooManyFailedAuthentications(wait));

    const token = BEARER.exec(authorization)?.[1];
    const verified = token === undefined ? Promise.reject(new AuthenticationError('malformed-authorization')) : options.verifier.verify(token);
    verified.then(
      (actor) => runInRequestContext(context, () => {
        setCurrentActor(actor);
        next();
      }),
      (error: unknown) => runInRequestContext(context, () => {
        if (error instanceof AuthenticationUnavailableError) logger.warn({ message: error.message, correlationId: context.correlationId });
        if (!options.enforce && (error instanceof AuthenticationError || error instanceof AuthenticationUnavailableError)) {
          return actWithoutToken(req, context, options, next);
        }
        if (error instanceof AuthenticationError) {
          options.limiter.recordFailure(client);
          return next(unauthorized(error.reason));
        }
        next(error instanceof AuthenticationUnavailableError ? authenticationUnavailable() : error);
      }),
    );
  };
}

function actWithoutToken(req: HttpRequest, context: RequestContext, options: AuthenticationOptions, next: NextFunction): void {
  try {
    const actor = options.devActorHeader ? developmentActor(req.headers['x-actor']) : undefined;
    runInRequestContext(context, () => setCurrentActor(actor));
  } catch (error) {
    return next(error);
  }
  next();
}

/** Express's req.ip honours TRUST_PROXY; behind a proxy without it, every client shares the proxy's address. */
function clientAddress(req: HttpRequest): string {
  return (req as HttpRequest & { readonly ip?: string }).ip ?? req.socket.remoteAddress ?? 'unknown';
}
