import type { FastifyInstance } from 'fastify';
import { ProblemException } from '../problems/problem.js';
import { inflateEncodedBodies } from './body-encoding.js';
import type { Middleware } from './http-types.js';

/** The contract's limit: 256 KiB. */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
/** application/json and the +json structured suffix (RFC 6839): the one definition the gate and the parser share. */
const JSON_MEDIA_TYPES = String.raw`application/(?:json|[a-z0-9!#$&^_.+-]+\+json)`;
/** A media type already lower-cased and stripped of its parameters (the content-type gate). */
const JSON_MEDIA_TYPE = new RegExp(`^${JSON_MEDIA_TYPES}$`);
/** A whole Content-Type header, as Fastify matches its parsers. */
const JSON_CONTENT_TYPE = new RegExp(String.raw`^\s*${JSON_MEDIA_TYPES}\s*(?:;|$)`, 'i');
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/** A body that is not JSON would otherwise reach the handler as an empty object and fail validation confusingly. */
export const requireJsonBodies: Middleware = (req, _res, next) => {
  if (!METHODS_WITH_BODY.has(req.method) || !hasBody(req.headers)) return next();
  const mediaType = mediaTypeOf(req.headers['content-type']);
  if (JSON_MEDIA_TYPE.test(mediaType)) return next();
  next(
    ProblemException.of(
      415,
      'unsupported-media-type',
      `Send the body as application/json (got ${mediaType ? `"${mediaType}"` : 'no Content-Type'})`,
    ),
  );
};

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Strict JSON (a top-level object or array) in UTF-8, within the contract's 256 KiB once inflated
 * (body-encoding.ts); Fastify's own parsers are removed. A body of another type (on a DELETE, say, which the
 * content-type gate lets through) is drained unread, as Express's parser left it.
 */
export function useJsonBodyParser(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', inflateEncodedBodies);
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_CONTENT_TYPE, { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT_BYTES }, (req, body, done) => {
    try {
      done(null, parseStrictJson(req.headers, String(body)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser('*', (_req, payload, done) => {
    payload.resume();
    payload.once('end', () => done(null, undefined));
    payload.once('error', (error) => done(error, undefined));
  });
}

function parseStrictJson(headers: Record<string, string | string[] | undefined>, text: string): unknown {
  const charset = CHARSET.exec(String(headers['content-type'] ?? ''))?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw ProblemException.of(415, 'unsupported-media-type', 'The request body must be JSON encoded as UTF-8');
  }
  if (text === '') return undefined;
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') throw malformedJson();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformedJson();
  }
}

function malformedJson(): ProblemException {
  return ProblemException.of(400, 'malformed-json', 'The request body is not valid JSON (a top-level object or array is required)');
}
