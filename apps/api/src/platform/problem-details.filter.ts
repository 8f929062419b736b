import { Catch, Logger, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { HttpRequest, HttpResponse, NextFunction } from './http/http-types.js';
import { wasConditional } from './if-match.js';
import { PROBLEM_CONTENT_TYPE, problemBody } from './problems/problem.js';
import { problemFor } from './problems/problem-mapping.js';
import { requestContextOf } from './request-context.js';

const logger = new Logger('ProblemDetails');

/** The one exception filter: every error leaves as application/problem+json (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    sendProblem(exception, host.switchToHttp().getRequest<HttpRequest>(), host.switchToHttp().getResponse<HttpResponse>());
  }
}

/**
 * Last in the Express chain, for what Nest's own handlers do not cover: unknown paths outside the
 * global prefix, and errors raised after them.
 */
export function unmatchedRouteHandler(req: HttpRequest, res: HttpResponse): void {
  sendProblem(new NotFoundException(`Cannot ${req.method} ${req.path}`), req, res);
}

export function lastErrorHandler(error: unknown, req: HttpRequest, res: HttpResponse, _next: NextFunction): void {
  sendProblem(error, req, res);
}

export function sendProblem(exception: unknown, req: HttpRequest, res: HttpResponse): void {
  const context = requestContextOf(req);
  const { problem, unexpected } = problemFor(exception, { conditional: wasConditional(req), pathIds: pathIdsOf(req) });

  if (unexpected) {
    logger.error({
      message: `Unhandled error on ${req.method} ${req.path}: ${describe(exception)}`,
      correlationId: context?.correlationId,
      requestId: context?.requestId,
      stack: exception instanceof Error ? exception.stack : undefined,
    });
  } else if (problem.status >= 500) {
    logger.warn({ message: `${problem.status} ${problem.code}: ${describe(exception)}`, correlationId: context?.correlationId });
  }

  if (res.headersSent) {
    // Too late for a problem body: cut the connection so the client sees a failure, not a truncated success.
    res.destroy();
    return;
  }
  res.statusCode = problem.status;
  for (const [name, value] of Object.entries(problem.headers ?? {})) res.setHeader(name, value);
  res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.end(JSON.stringify(problemBody(problem)));
}

function pathIdsOf(req: HttpRequest): string[] {
  const params = (req as HttpRequest & { readonly params?: Record<string, unknown> }).params ?? {};
  return Object.values(params).filter((value): value is string => typeof value === 'string');
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
