import { Logger } from '@nestjs/common';
import type { Middleware, RawRequest } from '../http/http-types.js';
import { requestContextOf, runInRequestContext, setCurrentActor } from '../request-context.js';
import { AuthenticationError, AuthenticationUnavailableError } from './auth-errors.js';
import { authenticationUnavailable, tooManyFailedAuthentications, unauthorized } from './auth-problems.js';
import { clientKeyOf } from './client-key.js';
import type { FailedAuthenticationLimiter } from './failed-auth-limiter.js';
import type { TokenVerifier } from './token-verifier.js';

export interface AuthenticationOptions {
  readonly verifier: TokenVerifier;
  readonly limiter: FailedAuthenticationLimiter;
  /** The person id a verified token's subject names (PersonResolver); the subject itself when absent. */
  readonly resolvePerson?: (subject: string) => Promise<string>;
  /** Told of every token refused: its AuthFailureReason, or `rate-limited` when the address was refused before it was read. */
  readonly onRefused?: (reason: string) => void;
}

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const logger = new Logger('Authentication');

/**
 * Verifies the bearer token before the body is parsed, so a refused caller costs little, and names the
 * actor of the request; a refused token is 401 (and counted), never treated as none. Whether the route
 * needs a token at all is the AuthorizationGuard's decision, later.
 * Neither the header nor the token is ever logged.
 */
export function authenticateRequests(options: AuthenticationOptions): Middleware {
  return (req, _res, next) => {
    const context = requestContextOf(req);
    if (!context) return next(new Error('authentication must run after the request context middleware'));
    const authorization = req.headers.authorization;
    // Without a token the request goes on with no actor: public routes answer, the guard refuses the rest.
    if (authorization === undefined) return next();

    const client = clientKeyOf(clientAddress(req));
    const wait = options.limiter.retryAfterSeconds(client);
    if (wait > 0) {
      options.onRefused?.('rate-limited');
      return next(tooManyFailedAuthentications(wait));
    }

    const token = BEARER.exec(authorization)?.[1];
    const verified =
      token === undefined ? Promise.reject(new AuthenticationError('malformed-authorization')) : options.verifier.verify(token);
    const resolve = options.resolvePerson;
    const resolved = resolve ? verified.then(async (actor) => ({ ...actor, id: await resolve(actor.id) })) : verified;
    resolved.then(
      (actor) =>
        runInRequestContext(context, () => {
          setCurrentActor(actor);
          next();
        }),
      (error: unknown) =>
        runInRequestContext(context, () => {
          if (error instanceof AuthenticationUnavailableError)
            logger.warn({ message: error.message, correlationId: context.correlationId });
          if (error instanceof AuthenticationError) {
            options.limiter.recordFailure(client);
            options.onRefused?.(error.reason);
            return next(unauthorized(error.reason));
          }
          next(error instanceof AuthenticationUnavailableError ? authenticationUnavailable() : error);
        }),
    );
  };
}

/** Fastify's request.ip (copied onto node's by middie) honours TRUST_PROXY; behind a proxy without it, every client shares the proxy's address. */
function clientAddress(req: RawRequest): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
