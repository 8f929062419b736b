import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/index.js';
import { ProblemException } from '../../platform/index.js';
import { Caller } from '../../platform/caller.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import type { HeaderSink } from '../shared/send-folded.js';
import { actionLogPaging, answerActionLog } from './action-log-answer.js';
import { GetActionLogQuery, type ActionLog } from './action-log.query.js';
import { GetChaseListQuery, type ChaseList } from './overdue.query.js';
import { GetPersonQueueQuery, GetPostQueueQuery, type PersonQueue, type PostQueue, type QueuePaging } from './queue.query.js';
import { ActionLogQueryDto, OverdueQueryDto, pageSizeOf, PagedViewQueryDto } from './view-queries.dto.js';
import { UuidParam } from '../../platform/index.js';

const pagingOf = (query: PagedViewQueryDto): QueuePaging => ({ asOf: query.asOf, after: query.after, limit: pageSizeOf(query) });

/** Read-model views: every one waits for `minPosition` and answers X-Projection-Position. */
@ApiTags('views')
@ApiBearerAuth()
@Controller()
export class ViewsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('me/queue')
  @Roles('officer', 'scrutiny', 'monitoring', 'admin', 'member')
  @ProjectionView()
  @ApiOperation({ summary: 'The open and completed-awaiting-sign-off actions of the posts the caller holds now, soonest due first' })
  @ApiOkResponse({ description: '{ personId, posts, asOf, actions, nextAfter }' })
  myQueue(@Query() query: PagedViewQueryDto, @Caller() { actor }: Caller): Promise<PersonQueue> {
    if (!actor) {
      throw new ProblemException({
        status: 401,
        code: 'unauthorized',
        detail: 'Sign in to see your queue',
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    return this.queries.execute(new GetPersonQueueQuery(actor.id, pagingOf(query)));
  }

  @Get('posts/:postId/queue')
  @Roles('officer', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({ summary: 'The open and completed-awaiting-sign-off actions of a post, whoever holds it now, soonest due first' })
  @ApiOkResponse({ description: '{ post, asOf, actions, nextAfter }' })
  postQueue(@UuidParam('postId') postId: string, @Query() query: PagedViewQueryDto): Promise<PostQueue> {
    return this.queries.execute(new GetPostQueueQuery(postId, pagingOf(query)));
  }

  @Get('overdue')
  @Roles('scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({
    summary:
      'The chase list: open actions past their due date, most overdue first, with owner post and holder; and executive responses due within 14 days or overdue (first page)',
  })
  @ApiOkResponse({ description: '{ asOf, committeeId, actions, nextAfter, responses }' })
  overdue(@Query() query: OverdueQueryDto): Promise<ChaseList> {
    return this.queries.execute(new GetChaseListQuery({ committeeId: query.committeeId, ...pagingOf(query) }));
  }

  @Get('committees/:committeeId/action-log')
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({ summary: 'The committee-papers action log by meeting date and ref, as JSON or CSV (?format=csv or Accept: text/csv)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '{ committee, asOf, rows, nextAfter } or a CSV file' })
  async actionLog(
    @UuidParam('committeeId') committeeId: string,
    @Query() query: ActionLogQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<ActionLog | string> {
    const log: ActionLog = await this.queries.execute(new GetActionLogQuery(committeeId, actionLogPaging(query, accept)));
    return answerActionLog(log, log, query.format, accept, res);
  }
}
