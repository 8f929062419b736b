import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ConcurrencyError, DuplicateEventIdError, InvalidAppendError } from '#event-store';
import { DomainError, type DomainErrorKind } from '#domain';
import { RequestValidationError } from '../validation/request-validation.error.js';
import { ProblemException, type Problem } from './problem.js';
import { isStoreUnavailable } from './store-unavailable.js';

export interface MappedProblem {
  readonly problem: Problem;
  /** A fault of ours rather than of the request: logged with its stack, answered with a generic detail. */
  readonly unexpected: boolean;
}

export interface RequestFacts {
  /** The request carried an If-Match that a handler used (see if-match.ts). */
  readonly conditional: boolean;
  /** The values of the matched route's parameters: the ids the path names. */
  readonly pathIds?: readonly string[];
}

const DOMAIN_STATUS: Record<DomainErrorKind, number> = { 'not-found': 404, forbidden: 403, conflict: 409, invalid: 422 };

/** Fastify's body-reading errors that deserve their own problem type rather than the bare status. */
const BODY_READER_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
};

const BODY_READER_DETAILS: Record<string, string> = {
  'payload-too-large': 'The request body is larger than the 256 KiB limit',
  'malformed-json': 'The request body is not valid JSON (a top-level object or array is required)',
  'unsupported-media-type': 'The request body must be JSON encoded as UTF-8',
};

export function problemFor(exception: unknown, request: RequestFacts): MappedProblem {
  const expected = (problem: Problem): MappedProblem => ({ problem, unexpected: false });

  if (exception instanceof ProblemException) return expected(exception.problem);
  if (exception instanceof RequestValidationError) {
    return expected({ status: 400, code: 'validation-failed', detail: exception.message, errors: exception.errors });
  }
  if (exception instanceof DomainError) {
    const details = presentEntries(exception.details);
    return expected({
      status: statusOf(exception, request.pathIds ?? []),
      code: exception.code,
      detail: exception.message,
      ...(details ? { extensions: { details } } : {}),
    });
  }
  if (exception instanceof ConcurrencyError) {
    const extensions = { currentVersion: exception.actual };
    return request.conditional
      ? expected({
          status: 412,
          code: 'precondition-failed',
          detail: `If-Match did not match: the resource is at version ${exception.actual}`,
          extensions,
        })
      : expected({
          status: 409,
          code: 'concurrency-conflict',
          detail: `The resource was changed concurrently; it is now at version ${exception.actual}`,
          extensions,
        });
  }
  if (exception instanceof DuplicateEventIdError) {
    return expected({
      status: 409,
      code: 'duplicate-event-id',
      detail: 'An event with this id was already recorded with different content',
    });
  }
  if (exception instanceof InvalidAppendError) return expected({ status: 422, code: 'invalid-event', detail: exception.message });
  if (isStoreUnavailable(exception)) {
    return expected({
      status: 503,
      code: 'store-unavailable',
      detail: 'The event store is unavailable; try again shortly',
      headers: { 'Retry-After': '5' },
    });
  }
  if (exception instanceof HttpException) return expected(httpProblem(exception));
  if (isFastifyClientError(exception)) return expected(fastifyProblem(exception));
  return { problem: { status: 500, code: 'internal', detail: 'An unexpected error occurred; it has been logged' }, unexpected: true };
}

/**
 * One rule for records that do not exist: 404 when the path names the missing record (the resource asked
 * for is not there), 422 when the id came from anywhere else, a body field or a query parameter (the
 * request names something that does not exist). A not-found error carries the ids it looked for in its
 * details, so the rule needs no list of routes or fields (one naming no id is about the resource asked for).
 */
function statusOf(error: DomainError, pathIds: readonly string[]): number {
  if (error.kind !== 'not-found') return DOMAIN_STATUS[error.kind] ?? 422;
  const path = new Set(pathIds.map((id) => id.toLowerCase()));
  const looked = Object.values(error.details ?? {}).filter((value): value is string => typeof value === 'string');
  if (looked.length === 0) return 404;
  return looked.some((id) => path.has(id.toLowerCase())) ? 404 : 422;
}

/** Details without the keys whose value is undefined; undefined when nothing is left, so no empty object is sent. */
function presentEntries(details: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const present = Object.entries(details ?? {}).filter(([, value]) => value !== undefined);
  return present.length > 0 ? Object.fromEntries(present) : undefined;
}

function httpProblem(exception: HttpException): Problem {
  const status = exception.getStatus();
  if (status >= 500) return { status, code: codeForStatus(status), detail: STATUS_CODES[status] ?? 'Server error' };
  return { status, code: codeForStatus(status), detail: detailOf(exception) };
}

interface FastifyClientError {
  readonly code: string;
  readonly statusCode: number;
  readonly message: string;
}

/** An error Fastify raised for the request itself (a body too large, a bad Content-Length): a 4xx, never a fault of ours. */
function isFastifyClientError(exception: unknown): exception is FastifyClientError {
  const { code, statusCode } = (exception ?? {}) as { code?: unknown; statusCode?: unknown };
  return typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

function fastifyProblem(exception: FastifyClientError): Problem {
  const status = exception.statusCode;
  const code = BODY_READER_CODES[exception.code];
  if (code) return { status, code, detail: BODY_READER_DETAILS[code] ?? exception.message };
  return { status, code: codeForStatus(status), detail: exception.message };
}

/** 405 → 'method-not-allowed', 413 → 'payload-too-large', from the standard reason phrase. */
export function codeForStatus(status: number): string {
  const phrase = STATUS_CODES[status] ?? 'error';
  return phrase
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function detailOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}
