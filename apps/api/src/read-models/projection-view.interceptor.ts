import { Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { from, switchMap, type Observable } from 'rxjs';
import { ProblemException, type HttpResponse } from '../platform/index.js';
import { ProjectionPositions } from './projection-positions.js';

export const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;
const POSITION = /^\d{1,16}$/;

/**
 * Read your writes: `?minPosition=<position>` waits (up to 5 s, woken by checkpoint moves, not polling) until the
 * read models have applied that position, else 503 with Retry-After. A position past the last committed event
 * cannot be waited for: 400 at once. Every view answers X-Projection-Position.
 */
@Injectable()
export class ProjectionViewInterceptor implements NestInterceptor {
  constructor(private readonly positions: ProjectionPositions) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<IncomingMessage & { query?: Record<string, unknown> }>();
    const res = http.getResponse<HttpResponse>();
    const raw = req.query?.minPosition;
    if (raw !== undefined && (typeof raw !== 'string' || !POSITION.test(raw))) {
      throw ProblemException.of(400, 'validation-failed', 'minPosition must be a non-negative whole number', [
        { field: 'minPosition', message: 'minPosition must be a non-negative whole number' },
      ]);
    }
    return from(this.reach(raw === undefined ? 0 : Number(raw))).pipe(
      switchMap((position) => {
        void res.header('X-Projection-Position', String(position));
        return next.handle();
      }),
    );
  }

  private async reach(minPosition: number): Promise<number> {
    if (minPosition === 0) return this.positions.current();
    const reachedNow = await this.positions.current();
    if (reachedNow >= minPosition) return reachedNow;
    const head = await this.positions.committedHead();
    if (minPosition > head) {
      throw ProblemException.of(
        400,
        'position-not-written',
        `No event has been written at position ${minPosition} (the last is at ${head}); pass the position a command answered`,
        [{ field: 'minPosition', message: `minPosition must not be past the last written position (${head})` }],
      );
    }
    const reached = await this.positions.waitFor(minPosition, READ_YOUR_WRITES_TIMEOUT_MS);
    if (reached === undefined) {
      throw new ProblemException({
        status: 503,
        code: 'projection-behind',
        headers: { 'Retry-After': '1' },
        detail: `The read models have not reached position ${minPosition} yet; retry shortly`,
      });
    }
    return reached;
  }
}

/** Marks a GET as a read-model view. */
export const ProjectionView = () => UseInterceptors(ProjectionViewInterceptor);
