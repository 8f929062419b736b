import { randomUUID } from 'node:crypto';
import { ProblemException } from '../problems/problem.js';
import {
  attachRequestContext, DEVELOPMENT_ACTOR, requestContextOf, ROLES, runInRequestContext, type Actor, type RequestContext, type Role,
} from '../request-context.js';
import type { Middleware } from './http-types.js';

const SANE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * First middleware of every request: ids, the (development) actor, and the async context.
 * Until authentication exists the actor comes from X-Actor, and never in production.
 */
export function requestContextMiddleware(options: { readonly production: boolean }): Middleware {
  return (req, res, next) => {
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
    runInRequestContext(context, () => {
      try {
        context.actor = options.production ? undefined : developmentActor(req.headers['x-actor']);
        next();
      } catch (error) {
        next(error);
      }
    });
  };
}

/** Body parsing resumes in the socket's async context, so the request's context is entered again after it. */
export const reenterRequestContext: Middleware = (req, _res, next) => {
  const context = requestContextOf(req);
  if (context) runInRequestContext(context, () => next());
  else next();
};

export function developmentActor(header: string | string[] | undefined): Actor {
  if (header === undefined) return DEVELOPMENT_ACTOR;
  const malformed = (why: string) =>
    ProblemException.of(400, 'malformed-actor', `X-Actor must be JSON like {"id":"p1","name":"Pat","roles":["scrutiny"]}: ${why}`);
  if (Array.isArray(header)) throw malformed('send it once');
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    throw malformed('it is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformed('it is not an object');
  const { id, name, roles } = parsed as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) throw malformed('id must be a string of 1-128 characters');
  if (name !== undefined && (typeof name !== 'string' || name.length > 200)) throw malformed('name must be a string');
  if (roles !== undefined && (!Array.isArray(roles) || !roles.every(isRole))) throw malformed(`roles must be a list of ${ROLES.join(', ')}`);
  return { id, name: (name as string | undefined) ?? id, roles: (roles as Role[] | undefined) ?? [] };
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
