import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/index.js';
import { UuidParam } from '../../platform/index.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import type { HeaderSink } from '../shared/send-folded.js';
import { wantsCsv } from './action-log-answer.js';
import { GetDecisionRegisterQuery, type DecisionRegister } from './decision-register.query.js';
import { GetRecommendationsTrackerQuery, type RecommendationsTracker } from './recommendations-tracker.query.js';
import { DecisionRegisterQueryDto, RecommendationsTrackerQueryDto } from './scrutiny-view-queries.dto.js';
import { registerCsv, trackerCsv, trackerFileName } from './scrutiny-views.csv.js';
import { sendCsv } from './view-csv.js';
import { pageSizeOf } from './view-queries.dto.js';

type Exportable = { readonly format?: 'json' | 'csv' | undefined; readonly limit?: string | undefined };

/** JSON pages by default; the CSV export is the whole list unless the caller gives a limit. */
const limitOf = (query: Exportable, accept: string | undefined): number | undefined =>
  query.limit === undefined && wantsCsv(query.format, accept) ? undefined : pageSizeOf(query);

/** The scrutiny recommendations tracker and the executive decision register, as JSON or CSV. */
@ApiTags('views')
@ApiBearerAuth()
@Controller()
export class ScrutinyViewsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('committees/:committeeId/recommendations')
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({
    summary:
      "The committee's recommendations tracker: sent, response due and whether late or overdue, the decision, implementation actions and their RAG, closure; JSON or CSV (?format=csv or Accept: text/csv)",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '{ committee, asOf, rows, nextAfter } or a CSV file' })
  async tracker(
    @UuidParam('committeeId') committeeId: string,
    @Query() query: RecommendationsTrackerQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<RecommendationsTracker | string> {
    const { asOf, status, municipalYear, after } = query;
    const tracker: RecommendationsTracker = await this.queries.execute(
      new GetRecommendationsTrackerQuery(committeeId, { asOf, status, municipalYear, after, limit: limitOf(query, accept) }),
    );
    res.header('Vary', 'Accept');
    return wantsCsv(query.format, accept) ? sendCsv(res, trackerFileName(tracker), trackerCsv(tracker)) : tracker;
  }

  @Get('decisions')
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({
    summary:
      'The executive decision register, newest first: publication, call-in deadline and status, effective date; JSON or CSV (?format=csv or Accept: text/csv)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '{ decisions, nextAfter } or a CSV file' })
  async register(
    @Query() query: DecisionRegisterQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<DecisionRegister | string> {
    const { from, to, callInStatus, after } = query;
    const register: DecisionRegister = await this.queries.execute(
      new GetDecisionRegisterQuery({ from, to, callInStatus, after, limit: limitOf(query, accept) }),
    );
    res.header('Vary', 'Accept');
    return wantsCsv(query.format, accept) ? sendCsv(res, 'decision-register.csv', registerCsv(register)) : register;
  }
}
