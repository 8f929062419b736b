import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import { tap, type Observable } from 'rxjs';

/** Adds a Server-Timing header through the adapter host, so the same code sets it on Express and on Fastify. */
@Injectable()
export class ServerTimingInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const started = performance.now();
    const response: unknown = context.switchToHttp().getResponse();
    return next.handle().pipe(
      tap(() => {
        const ms = (performance.now() - started).toFixed(2);
        this.adapterHost.httpAdapter.setHeader(response, 'server-timing', `handler;dur=${ms}`);
      }),
    );
  }
}
