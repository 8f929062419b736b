import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemException, RequestValidationError } from '../../platform/index.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import { ViewQueryDto } from '../../read-models/view-query.dto.js';
import { AuditEventsFilterDto, AuditStreamParamsDto, DEFAULT_PAGE_SIZE } from './audit-query.dto.js';
import { AuditEventsPage, SearchAuditEventsQuery } from './search-audit-events.query.js';
import { GetStreamHistoryQuery, StreamHistory } from './stream-history.query.js';
import { VerifyEventStoreQuery, VerifyResultView } from './verify-event-store.query.js';

/** The monitoring officer's view of the log: search, one stream's full history, and the tamper check. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('events')
  @ProjectionView()
  @ApiOperation({ summary: 'Events with who wrote them, oldest first, filtered and paged by global position' })
  @ApiOkResponse({ type: AuditEventsPage })
  events(@Query() filter: AuditEventsFilterDto): Promise<AuditEventsPage> {
    const { streamId, actor, type, from, to, after, limit } = filter;
    if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) {
      throw new RequestValidationError([{ field: 'to', message: 'to must not be before from' }]);
    }
    return this.queries.execute(new SearchAuditEventsQuery({
      streamId, actorId: actor, type, from, to, after: after ?? '0', limit: limit === undefined ? DEFAULT_PAGE_SIZE : Number(limit),
    }));
  }

  @Get('streams/:streamId')
  @ProjectionView()
  @ApiOperation({ summary: 'The full history of one stream, in version order' })
  @ApiOkResponse({ type: StreamHistory })
  async stream(@Param() params: AuditStreamParamsDto, @Query() _view: ViewQueryDto): Promise<StreamHistory> {
    const history = await this.queries.execute(new GetStreamHistoryQuery(params.streamId));
    if (!history) throw ProblemException.of(404, 'stream-not-found', `No event of stream ${params.streamId} is on record`);
    return history;
  }

  /** Not a view: it reads the store itself, so it takes no minPosition. */
  @Get('verify')
  @ApiOperation({ summary: 'Recompute every hash chain of the event store and name the first broken link' })
  @ApiOkResponse({ type: VerifyResultView })
  verify(@Query() query: Record<string, unknown>): Promise<VerifyResultView> {
    const unknown = Object.keys(query);
    if (unknown.length > 0) throw new RequestValidationError(unknown.map((field) => ({ field, message: `property ${field} should not exist` })));
    return this.queries.execute(new VerifyEventStoreQuery());
  }
}
