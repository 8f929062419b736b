import type { IncomingMessage, ServerResponse } from 'node:http';

/** The little of Express's request and response we use; @types/express is not a dependency. */
export interface HttpRequest extends IncomingMessage {
  method: string;
  body?: unknown;
  readonly path: string;
  readonly originalUrl: string;
  readonly baseUrl: string;
  readonly route?: { readonly path: string };
}

export type HttpResponse = ServerResponse;

export type NextFunction = (error?: unknown) => void;

export type Middleware = (req: HttpRequest, res: HttpResponse, next: NextFunction) => void;
