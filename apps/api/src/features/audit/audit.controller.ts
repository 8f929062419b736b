import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { streamCategories } from '#domain';
import { ProblemException, RequestValidationError } from '../../platform/index.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import type { HttpResponse } from '../../platform/http/http-types.js';
import { AuditEventsFilterDto, AuditStreamParamsDto, DEFAULT_PAGE_SIZE, StreamHistoryQueryDto, VerifyQueryDto } from './audit-query.dto.js';
import { AuditEventsPage, SearchAuditEventsQuery } from './search-audit-events.query.js';
import { GetStreamHistoryQuery, StreamHistory } from './stream-history.query.js';
import { VerifyEventStoreQuery, VerifyResultView } from './verify-event-store.query.js';
import { Roles } from '../../platform/auth/index.js';

const logger = new Logger('Audit');

/** The monitoring officer's view of the log: search, one stream's full history, and the tamper check. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('events')
  @Roles('monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({ summary: 'Events with who wrote them, oldest first, filtered and paged by global position' })
  @ApiOkResponse({ type: AuditEventsPage })
  events(@Query() filter: AuditEventsFilterDto): Promise<AuditEventsPage> {
    const { streamId, actor, type, from, to, after, limit } = filter;
    if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) {
      throw new RequestValidationError([{ field: 'to', message: 'to must not be before from' }]);
    }
    return this.queries.execute(
      new SearchAuditEventsQuery({
        streamId,
        actorId: actor,
        type,
        from,
        to,
        after: after ?? '0',
        limit: limit === undefined ? DEFAULT_PAGE_SIZE : Number(limit),
      }),
    );
  }

  @Get('streams/:streamId')
  @Roles('monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({
    summary: 'The full history of one stream, in version order, a page at a time (limit, after)',
    description:
      "`streamId` is the stream name (`action-<id>`, `meeting-<id>`, …) or the record's own id (a UUID); 409 `stream-id-ambiguous` " +
      'when records of several kinds share that id',
  })
  @ApiOkResponse({ type: StreamHistory })
  async stream(@Param() params: AuditStreamParamsDto, @Query() query: StreamHistoryQueryDto): Promise<StreamHistory> {
    const page = {
      after: query.after === undefined ? 0 : Number(query.after),
      limit: query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit),
    };
    const history = await this.queries.execute(new GetStreamHistoryQuery(params.streamId, page));
    if (!history) {
      throw ProblemException.of(
        404,
        'stream-not-found',
        `No event of stream ${params.streamId} is on record. Give a record's own id (a UUID) or its stream name: ` +
          `${streamCategories.map((category) => `${category}-<id>`).join(', ')}`,
      );
    }
    return history;
  }

  /**
   * Not a view: it reads the store itself, so it takes no minPosition. With ?progress=true the answer is
   * NDJSON, so a client watching a large store sees it advance: the status (200) goes out before the
   * result is known, and a failure part-way is the last line, `{ "error": … }`.
   */
  @Get('verify')
  @Roles('monitoring', 'admin')
  @ApiOperation({ summary: 'Recompute every hash chain of the event store and name the first broken link' })
  @ApiProduces('application/json', 'application/x-ndjson')
  @ApiOkResponse({ type: VerifyResultView })
  async verify(@Query() query: VerifyQueryDto, @Res() res: HttpResponse): Promise<void> {
    if (query.progress !== 'true') {
      const result: VerifyResultView = await this.queries.execute(new VerifyEventStoreQuery());
      void res.header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(result));
      return;
    }
    // Streamed line by line: the response is taken over from Fastify, which would wait for one whole body.
    res.hijack();
    const raw = res.raw;
    raw.writeHead(200, { 'Cache-Control': 'no-store', 'Content-Type': 'application/x-ndjson; charset=utf-8' });
    const line = (value: object) => raw.write(`${JSON.stringify(value)}\n`);
    line({ checkedEvents: 0 });
    try {
      line(await this.queries.execute(new VerifyEventStoreQuery(({ checkedEvents }) => line({ checkedEvents }))));
    } catch (error) {
      logger.error({ message: `Verification failed part-way: ${error instanceof Error ? error.message : String(error)}` });
      line({ error: 'verification-failed', detail: 'The store stopped answering part-way; nothing was concluded' });
    }
    raw.end();
  }
}
