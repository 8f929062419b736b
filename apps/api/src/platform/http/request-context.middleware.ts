import { randomUUID } from 'node:crypto';
import { attachRequestContext, requestContextOf, runInRequestContext, type RequestContext } from '../request-context.js';
import type { Middleware } from './http-types.js';

const SANE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * First middleware of every request: the correlation and request ids, and the async context.
 * Nobody is calling yet: authentication sets the actor from a verified token (setCurrentActor).
 */
export const requestContextMiddleware: Middleware = (req, res, next) => {
  const offered = req.headers['x-correlation-id'];
  const context: RequestContext = {
    correlationId: typeof offered === 'string' && SANE_CORRELATION_ID.test(offered) ? offered : randomUUID(),
    requestId: randomUUID(),
    actor: undefined,
    startedAt: process.hrtime.bigint(),
  };
  attachRequestContext(req, context);
  res.setHeader('X-Correlation-Id', context.correlationId);
  res.setHeader('X-Request-Id', context.requestId);
  runInRequestContext(context, () => next());
};

/**
 * A Fastify preHandler hook: body parsing resumes in the socket's async context, so the request's context is
 * entered again after it, and Nest's handler (guards, interceptors, the route) runs inside it.
 */
export function reenterRequestContext(req: object, _reply: unknown, done: () => void): void {
  const context = requestContextOf(req);
  if (context) runInRequestContext(context, done);
  else done();
}
