import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The request as Nest hands it to guards, interceptors, filters and @Req(): Fastify's, with node's own as `raw`. */
export type HttpRequest = FastifyRequest;

/** The reply as Nest hands it to filters and @Res(): Fastify's, with node's own response as `raw`. */
export type HttpResponse = FastifyReply;

/** Node's request as each middleware sees it, with what @fastify/middie copies onto it from Fastify's. */
export interface RawRequest extends IncomingMessage {
  method: string;
  url: string;
  readonly originalUrl?: string;
  /** Fastify's request.ip, which honours TRUST_PROXY. */
  readonly ip?: string;
  /** 'https' when the request came over TLS, directly or through a proxy TRUST_PROXY trusts. */
  readonly protocol?: string;
}

export type RawResponse = ServerResponse;

export type NextFunction = (error?: unknown) => void;

/** Connect-style middleware, which @fastify/middie runs in Fastify's onRequest stage, before the body is read. */
export type Middleware = (req: RawRequest, res: RawResponse, next: NextFunction) => void;

/** The path of a request target, without its query string. */
export function pathOf(url: string | undefined): string {
  const target = url ?? '/';
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}
