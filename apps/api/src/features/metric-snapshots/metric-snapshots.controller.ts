import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { metricSnapshotDecider } from '#domain';
import { streamIdFor } from '#domain';
import { AnswersETag, IfMatchVersion, Sends } from '../../platform/index.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import { idFrom } from '../shared/create-id.js';
import { sendFolded, type HeaderSink } from '../shared/send-folded.js';
import { CollateMetricsCommand } from './collate-metrics.command.js';
import { CollateMetricsDto } from './collate-metrics.dto.js';
import { CorrectMetricsCommand } from './correct-metrics.command.js';
import { CorrectMetricsDto } from './correct-metrics.dto.js';
import { MetricSeriesFilterDto, MetricSeriesParamsDto } from './metric-series.dto.js';
import { GetMetricSeriesQuery, type MetricSeriesPage, type MetricSeriesPoint } from './metric-series.query.js';
import { pageSizeOf } from '../views/view-queries.dto.js';
import { Roles } from '../../platform/auth/index.js';
import { OwnerOfActionInBody, OwnerOfSnapshotAction } from '../../platform/auth/access.decorators.js';
import { ACTING_FOR_ANY_OWNER } from '../actions/action-writer.js';
import { Caller } from '../../platform/caller.js';
import { UuidParam } from '../../platform/index.js';

/** Under /api/v1; the unprefixed GET /metrics is the Prometheus endpoint. */
@ApiTags('metrics')
@ApiBearerAuth()
@Controller()
export class MetricSnapshotsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly aggregates: AggregateStore,
  ) {}

  @Post('metric-snapshots')
  @Sends(['CollateMetrics'])
  @Roles(...ACTING_FOR_ANY_OWNER)
  @OwnerOfActionInBody()
  @ApiOperation({ summary: 'Record figures as a snapshot in time, optionally for the action that asked for them' })
  @ApiCreatedResponse({ type: CommandOutcome })
  collate(@Body() body: CollateMetricsDto, @Caller() caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new CollateMetricsCommand(idFrom(body, caller), body, caller));
  }

  @Post('metric-snapshots/:snapshotId/corrections')
  @Sends(['CorrectMetrics'])
  @Roles(...ACTING_FOR_ANY_OWNER)
  @OwnerOfSnapshotAction()
  @HttpCode(200)
  @ApiOperation({ summary: 'Correct some of the figures; the first figures stay on record' })
  @ApiOkResponse({ type: CommandOutcome })
  correct(
    @UuidParam('snapshotId', 'metric-snapshot') snapshotId: string,
    @Body() body: CorrectMetricsDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new CorrectMetricsCommand(snapshotId, body, expected, caller));
  }

  @Get('metric-snapshots/:snapshotId')
  @AnswersETag()
  @Roles('officer', 'member', 'scrutiny', 'monitoring', 'admin')
  @ApiOperation({ summary: 'The snapshot with its current figures; ETag is its version' })
  async get(@UuidParam('snapshotId', 'metric-snapshot') snapshotId: string, @Res({ passthrough: true }) res: HeaderSink): Promise<object> {
    const loaded = await this.aggregates.load(metricSnapshotDecider, streamIdFor('metric', snapshotId));
    return sendFolded(res, loaded, 'metric-snapshot-not-found', `Snapshot ${snapshotId} does not exist`);
  }

  @Get('metrics/:metric/series')
  @Roles('officer', 'member', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({
    summary:
      'One metric over time, by the date each snapshot stands for, with its corrections; a page at a time (limit, after): ' +
      "the answer stays a list as the contract has it, and the next page's cursor is in the X-Next-After header (absent on the last page)",
  })
  @ApiOkResponse({
    description: 'The points of this page',
    headers: { 'X-Next-After': { description: 'Pass as `after` for the next page; absent on the last page', schema: { type: 'string' } } },
  })
  async series(
    @Param() params: MetricSeriesParamsDto,
    @Query() filter: MetricSeriesFilterDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<MetricSeriesPoint[]> {
    const page: MetricSeriesPage = await this.queries.execute(
      new GetMetricSeriesQuery(params.metric, filter.subject, { after: filter.after, limit: pageSizeOf(filter) }),
    );
    if (page.nextAfter !== null) res.header('X-Next-After', page.nextAfter);
    return page.points;
  }
}
