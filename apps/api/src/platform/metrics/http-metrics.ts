import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { routePatternOf } from '../http/api-prefix.js';
import type { HttpRequest, HttpResponse } from '../http/http-types.js';

const LABELS = ['method', 'route', 'status'] as const;

/** Request counts and durations, labelled by the route pattern so that ids in URLs do not explode the series. */
@Injectable()
export class HttpMetrics {
  private readonly requests: Counter<(typeof LABELS)[number]>;
  private readonly duration: Histogram<(typeof LABELS)[number]>;

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

  /** A Fastify onResponse hook: it runs once the answer is finished, whoever wrote it (a route, a middleware, the console). */
  readonly onResponse = (req: HttpRequest, reply: HttpResponse, done: () => void): void => {
    this.record(req.method, routePatternOf(req), reply.statusCode, reply.elapsedTime / 1e3);
    done();
  };

  record(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }
}
