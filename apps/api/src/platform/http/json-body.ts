import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ProblemException } from '../problems/problem.js';
import type { Middleware } from './http-types.js';

export const JSON_BODY_LIMIT = '256kb';
const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const JSON_MEDIA_TYPE = /^application\/(?:json|[a-z0-9!#$&^_.+-]+\+json)$/;

/** A body that is not JSON would otherwise reach the handler as an empty object and fail validation confusingly. */
export const requireJsonBodies: Middleware = (req, _res, next) => {
  if (!METHODS_WITH_BODY.has(req.method) || !hasBody(req.headers)) return next();
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (JSON_MEDIA_TYPE.test(mediaType)) return next();
  next(
    ProblemException.of(
      415,
      'unsupported-media-type',
      `Send the body as application/json (got ${mediaType ? `"${mediaType}"` : 'no Content-Type'})`,
    ),
  );
};

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Strict JSON (objects and arrays only) with the contract's 256 KiB limit; other parsers stay off. */
export function useJsonBodyParser(app: INestApplication): void {
  (app as NestExpressApplication).useBodyParser('json', { limit: JSON_BODY_LIMIT, strict: true, type: JSON_MEDIA_TYPES });
}
