import { Controller, Get, Global, Inject, Module, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '../../../../../libs/event-store/src/index.js';
import type { HttpResponse } from '../http/http-types.js';
import { EVENT_STORE } from '../tokens.js';
import { HealthRegistry, runCheck, type HealthCheckResult } from './health.registry.js';
import { Public } from '../auth/access.decorators.js';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly checks: Record<string, HealthCheckResult>;
}

@ApiTags('operations')
@Public()
@Controller('health')
class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: HealthRegistry,
  ) {}

  /** Readiness: 503 when the store does not answer; other failing checks only degrade. */
  @Get()
  @ApiOkResponse({ description: 'Ready; status is degraded when a registered check is down' })
  @ApiServiceUnavailableResponse({ description: 'The event store does not answer' })
  async readiness(@Res() res: HttpResponse): Promise<void> {
    const [store, others] = await Promise.all([
      runCheck(async () => ({ status: 'up', headPosition: await this.store.headPosition() })),
      this.registry.runAll(),
    ]);
    const checks = { store, ...others };
    const allUp = Object.values(checks).every((check) => check.status === 'up');
    const report: HealthReport = { status: allUp ? 'ok' : 'degraded', checks };
    // Written directly: Nest would otherwise reset the status to the route's 200.
    res.statusCode = store.status === 'up' ? 200 : 503;
    if (store.status !== 'up') res.setHeader('Retry-After', '5');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(report));
  }

  /** Liveness: the process answers; no dependency is consulted. */
  @Get('live')
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

@Global()
@Module({ controllers: [HealthController], providers: [HealthRegistry], exports: [HealthRegistry] })
export class HealthModule {}
