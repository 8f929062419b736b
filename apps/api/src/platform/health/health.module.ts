import { Controller, Get, Global, Inject, Module, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '#event-store';
import type { HttpResponse } from '../http/http-types.js';
import { EVENT_STORE } from '#runtime';
import { HealthRegistry, runCheck, type HealthCheckResult } from '#runtime';
import { Public } from '../auth/access.decorators.js';
import type { Role } from '../auth/roles.js';
import { currentRequestContext } from '../request-context.js';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  /** Only for DETAIL_ROLES: a check's error is a driver's message, naming hosts, users and versions. */
  readonly checks?: Record<string, HealthCheckResult>;
}

/** Who may see each check and its error text; anyone else (a load balancer, the internet) gets the status only. */
const DETAIL_ROLES: readonly Role[] = ['admin', 'monitoring'];

const CHECK_SCHEMA = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    error: { type: 'string', description: 'Why the check is down' },
  },
  additionalProperties: true,
};

const REPORT_SCHEMA = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded'], example: 'ok' },
    checks: {
      type: 'object',
      description: 'Each check by name (the event store as `store`, with its headPosition); only for an admin or monitoring token',
      additionalProperties: CHECK_SCHEMA,
      example: { store: { status: 'up', headPosition: 1536 } },
    },
  },
};

function mayReadDetails(): boolean {
  const roles = currentRequestContext()?.actor?.roles ?? [];
  return roles.some((role) => DETAIL_ROLES.includes(role));
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
  @ApiOperation({ summary: 'Readiness for a load balancer: 200 while the event store answers, 503 (with Retry-After) when it does not' })
  @ApiOkResponse({
    description: 'Ready; status is degraded when a registered check is down. The checks are listed only for an admin or monitoring token',
    schema: REPORT_SCHEMA,
  })
  @ApiServiceUnavailableResponse({
    description: 'The event store does not answer; Retry-After: 5',
    schema: { ...REPORT_SCHEMA, properties: { ...REPORT_SCHEMA.properties, status: { type: 'string', enum: ['degraded'] } } },
  })
  async readiness(@Res() res: HttpResponse): Promise<void> {
    const [store, others] = await Promise.all([
      runCheck(async () => ({ status: 'up', headPosition: await this.store.headPosition() })),
      this.registry.runAll(),
    ]);
    const checks = { store, ...others };
    const allUp = Object.values(checks).every((check) => check.status === 'up');
    const status = allUp ? 'ok' : 'degraded';
    const report: HealthReport = mayReadDetails() ? { status, checks } : { status };
    // Written directly: Nest would otherwise reset the status to the route's 200.
    if (store.status !== 'up') res.header('Retry-After', '5');
    void res
      .code(store.status === 'up' ? 200 : 503)
      .header('Cache-Control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(report));
  }

  /** Liveness: the process answers; no dependency is consulted. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers; no dependency is consulted' })
  @ApiOkResponse({
    description: 'The process is up',
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

@Global()
@Module({ controllers: [HealthController], providers: [HealthRegistry], exports: [HealthRegistry] })
export class HealthModule {}
