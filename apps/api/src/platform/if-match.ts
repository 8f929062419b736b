import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { HttpResponse } from './http/http-types.js';
import { map, type Observable } from 'rxjs';
import { ProblemException } from './problems/problem.js';

const CONDITIONAL = Symbol('conditionalRequest');
const ENTITY_TAG = /^(?:W\/)?"(\d{1,15})"$|^(\d{1,15})$/;

type Conditional = { [CONDITIONAL]?: boolean };

/**
 * The stream version a command is conditional on: `If-Match: "3"` (also W/"3" and bare 3) → 3;
 * undefined without If-Match. Marks the request so a ConcurrencyError answers 412 rather than 409.
 */
export function expectedVersionFrom(req: IncomingMessage): number | undefined {
  const header = req.headers['if-match'];
  if (header === undefined) return undefined;
  const match = ENTITY_TAG.exec(header.trim());
  const digits = match?.[1] ?? match?.[2];
  if (digits === undefined) {
    throw ProblemException.of(400, 'invalid-if-match', 'If-Match must be one entity tag holding a version, like "3"');
  }
  (req as Conditional)[CONDITIONAL] = true;
  return Number(digits);
}

export function wasConditional(req: object): boolean {
  return (req as Conditional)[CONDITIONAL] === true;
}

/** The ETag value for a resource at this version: `"3"`. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

const ifMatchOf = (_data: unknown, context: ExecutionContext): number | undefined =>
  expectedVersionFrom(context.switchToHttp().getRequest<IncomingMessage>());

/** `@IfMatchVersion() expected: number | undefined` in a controller method. */
export const IfMatchVersion = createParamDecorator(ifMatchOf);

/** True for the factory behind @IfMatchVersion(): the route honours If-Match (the OpenAPI document says so). */
export const readsIfMatch = (factory: unknown): boolean => factory === ifMatchOf;

export const ANSWERS_ETAG = 'actiontrail:answers-etag';

@Injectable()
class ETagFromVersion implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<HttpResponse>();
    return next.handle().pipe(
      map((answer: unknown) => {
        const version = (answer as { version?: unknown } | null | undefined)?.version;
        if (typeof version === 'number' && !res.sent) void res.header('ETag', etagFor(version));
        return answer;
      }),
    );
  }
}

/**
 * The answer is one resource with its stream `version`: sent as `ETag: "<version>"`, what If-Match on its
 * commands checks. The one declaration both sets the header and documents it.
 */
export const AnswersETag = (): MethodDecorator => applyDecorators(SetMetadata(ANSWERS_ETAG, true), UseInterceptors(ETagFromVersion));
