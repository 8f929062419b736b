import { Controller, Get, Global, Module, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { HttpResponse } from '../http/http-types.js';
import { ActiontrailMetrics } from './actiontrail-metrics.js';
import { CommandMetrics } from './command-metrics.js';
import { HttpMetrics } from './http-metrics.js';
import { Public } from '../auth/access.decorators.js';

/**
 * Other modules inject prom-client's `Registry` to add their gauges. One registry per application
 * rather than the global default, so several apps in one process (tests) do not collide.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

@ApiTags('operations')
@Public()
@Controller('metrics')
class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics of this process, for a scraper' })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'The Prometheus text exposition format (version 0.0.4)',
    content: {
      'text/plain': {
        schema: { type: 'string' },
        example:
          '# HELP http_requests_total HTTP requests answered\n# TYPE http_requests_total counter\nhttp_requests_total{method="GET",route="/health",status="200"} 3\n',
      },
    },
  })
  async scrape(@Res({ passthrough: true }) res: HttpResponse): Promise<string> {
    res.type(this.registry.contentType);
    return this.registry.metrics();
  }
}

@Global()
@Module({
  controllers: [MetricsController],
  providers: [{ provide: Registry, useFactory: createMetricsRegistry }, HttpMetrics, ActiontrailMetrics, CommandMetrics],
  exports: [Registry, HttpMetrics, ActiontrailMetrics],
})
export class MetricsModule {}
