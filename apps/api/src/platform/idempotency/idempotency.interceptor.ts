import { Injectable, Logger, Optional, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { isApiPath, routePatternOf } from '../http/api-prefix.js';
import type { HttpRequest, HttpResponse } from '../http/http-types.js';
import { ActiontrailMetrics } from '../metrics/actiontrail-metrics.js';
import { requestContextOf } from '../request-context.js';
import { bodyFingerprint, idempotencyKeyFrom } from './idempotency-key.js';
import { IdempotencyStore, type IdempotentRequest, type StoredAnswer } from './idempotency.store.js';

/** Routes whose answer holds a secret shown once: storing the answer for a replay would keep the secret in clear. */
const ANSWERS_WITH_A_SECRET: ReadonlySet<string> = new Set(['/api/v1/me/calendar-feed']);

/** The requests an Idempotency-Key applies to (the OpenAPI document asks the same question of each route). */
export function honoursIdempotencyKey(method: string, path: string): boolean {
  return method.toUpperCase() === 'POST' && isApiPath(path) && !ANSWERS_WITH_A_SECRET.has(path.split('?')[0] ?? path);
}

/**
 * Every POST under /api/v1 with an Idempotency-Key runs at most once per caller and key:
 * a retry with the same body gets the first answer, and writes nothing.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly store: IdempotencyStore,
    @Optional() private readonly metrics?: ActiontrailMetrics,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<HttpRequest>();
    const res = context.switchToHttp().getResponse<HttpResponse>();
    if (!honoursIdempotencyKey(req.method, req.originalUrl)) return next.handle();
    const key = idempotencyKeyFrom(req.headers);
    if (key === undefined) return next.handle();

    const request: IdempotentRequest = {
      scope: requestContextOf(req)?.actor?.id ?? 'anonymous',
      key,
      method: req.method,
      path: req.originalUrl,
      bodyHash: bodyFingerprint(req.body),
    };
    return from(this.store.claim(request)).pipe(
      mergeMap((outcome) => {
        if (outcome.kind !== 'replay') return this.runOnce(request, outcome.claimId, next, req, res);
        this.metrics?.idempotentReplay(routePatternOf(req));
        return of(replay(outcome.answer));
      }),
    );
  }

  private runOnce(
    request: IdempotentRequest,
    claimId: string,
    next: CallHandler,
    req: HttpRequest,
    res: HttpResponse,
  ): Observable<unknown> {
    const context = requestContextOf(req);
    if (context) context.idempotentRequest = request;
    return next.handle().pipe(
      catchError((error: unknown) =>
        from(
          this.store
            .release(request, claimId)
            .catch((releaseError: unknown) => this.logger.error(`Releasing ${request.key} failed: ${String(releaseError)}`)),
        ).pipe(mergeMap(() => throwError(() => error))),
      ),
      mergeMap(async (value: unknown) => {
        // Nest has set the route's status before the handler ran, so this is the status the client will get.
        await this.store.complete(request, claimId, { status: res.statusCode, body: value === undefined ? null : JSON.stringify(value) });
        return value;
      }),
    );
  }
}

/** A web Response is sent as it is, so the stored status wins over the route's default. */
function replay(answer: StoredAnswer): Response {
  return new Response(answer.body, {
    status: answer.status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotent-Replay': 'true' },
  });
}
