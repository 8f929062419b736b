import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { routePatternOf, UNMATCHED_ROUTE } from '../http/api-prefix.js';
import type { HttpRequest, Middleware } from '../http/http-types.js';

const LABELS = ['method', 'route', 'status'] as const;

/** Request counts and durations, labelled by the route pattern so that ids in URLs do not explode the series. */
@Injectable()
export class HttpMetrics {
  private readonly requests: Counter<(typeof LABELS)[number]>;
  private readonly duration: Histogram<(typeof LABELS)[number]>;
  private resolveRoute: (method: string, path: string) => string | undefined = () => undefined;

  constructor(registry: Registry) {
    this.requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames: LABELS, registers: [registry] });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request',
      labelNames: LABELS,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  /** Where the patterns of requests answered before routing are looked up (see route-table.ts). */
  resolveUnroutedWith(resolve: (method: string, path: string) => string | undefined): void {
    this.resolveRoute = resolve;
  }

  readonly middleware: Middleware = (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const labels = { method: req.method, route: this.routeOf(req), status: String(res.statusCode) };
      this.requests.inc(labels);
      this.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };

  private routeOf(req: HttpRequest): string {
    const routed = routePatternOf(req);
    if (routed !== UNMATCHED_ROUTE) return routed;
    return this.resolveRoute(req.method, pathOf(req.originalUrl)) ?? UNMATCHED_ROUTE;
  }
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
