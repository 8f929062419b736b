import type { FastifyError } from 'fastify';
import type { HttpMetrics } from '../metrics/http-metrics.js';
import { sendProblem } from '../problem-details.filter.js';
import { UNMATCHED_ROUTE } from './api-prefix.js';
import type { HttpRequest, HttpResponse, RawRequest } from './http-types.js';
import { securityHeaders } from './security-headers.js';

/**
 * Fastify's frameworkErrors handler. The router refuses a path that does not decode (400) or a parameter too long
 * (414) before any hook runs, so this gives the refusal what the hooks would have: the security headers, a problem
 * body, and its count in the metrics.
 */
export function answerRouterRefusals(metrics: () => HttpMetrics | undefined) {
  return (error: FastifyError, req: HttpRequest, reply: HttpResponse): void => {
    const started = process.hrtime.bigint();
    reply.raw.once('finish', () =>
      metrics()?.record(req.method, UNMATCHED_ROUTE, reply.raw.statusCode, Number(process.hrtime.bigint() - started) / 1e9),
    );
    securityHeaders(req.raw as RawRequest, reply.raw, () => sendProblem(error, req, reply));
  };
}
