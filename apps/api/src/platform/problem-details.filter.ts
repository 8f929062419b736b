import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { pathOf, type HttpRequest, type HttpResponse } from './http/http-types.js';
import { wasConditional } from './if-match.js';
import { PROBLEM_CONTENT_TYPE, problemBody } from './problems/problem.js';
import { problemFor } from './problems/problem-mapping.js';
import { requestContextOf } from './request-context.js';

const logger = new Logger('ProblemDetails');

/**
 * The one exception filter: every error leaves as application/problem+json (RFC 9457). Nest also routes
 * Fastify's errors (middleware, hooks, the body reader) and its not-found answer through it.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    sendProblem(exception, host.switchToHttp().getRequest<HttpRequest>(), host.switchToHttp().getResponse<HttpResponse>());
  }
}

export function sendProblem(exception: unknown, req: HttpRequest, res: HttpResponse): void {
  const context = requestContextOf(req);
  const { problem, unexpected } = problemFor(exception, { conditional: wasConditional(req), pathIds: pathIdsOf(req) });

  if (unexpected) {
    logger.error({
      message: `Unhandled error on ${req.method} ${pathOf(req.url)}: ${describe(exception)}`,
      correlationId: context?.correlationId,
      requestId: context?.requestId,
      stack: exception instanceof Error ? exception.stack : undefined,
    });
  } else if (problem.status >= 500) {
    logger.warn({ message: `${problem.status} ${problem.code}: ${describe(exception)}`, correlationId: context?.correlationId });
  }

  const raw = res.raw;
  if (raw.headersSent) {
    // Too late for a problem body: cut the connection so the client sees a failure, not a truncated success.
    raw.destroy();
    return;
  }
  const body = JSON.stringify(problemBody(problem));
  const headers = { ...problem.headers, 'Content-Type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8` };
  // A route that took over the response (streamed NDJSON) has no reply left to send with.
  if (res.sent) {
    raw.writeHead(problem.status, headers).end(body);
    return;
  }
  void res.code(problem.status).headers(headers).send(body);
}

function pathIdsOf(req: HttpRequest): string[] {
  const params = (req.params ?? {}) as Record<string, unknown>;
  return Object.values(params).filter((value): value is string => typeof value === 'string');
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
