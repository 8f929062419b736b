import {
  Controller,
  Get,
  Headers,
  Inject,
  Injectable,
  NotFoundException,
  Query,
  Res,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '#runtime';
import { Public } from '../../platform/auth/index.js';
import { pathOf, type HttpRequest } from '../../platform/http/http-types.js';
import { APP_CONFIG } from '../../platform/index.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import type { HeaderSink } from '../shared/send-folded.js';
import { actionLogPaging, answerActionLog } from '../views/action-log-answer.js';
import { GetActionLogQuery, type ActionLog } from '../views/action-log.query.js';
import { ActionLogQueryDto } from '../views/view-queries.dto.js';
import { asActionLog, publicActionLog, type PublicActionLog } from './public-action-log.js';
import { UuidParam } from '../../platform/index.js';

/** With PUBLIC_ACTION_LOG off the route answers exactly as an unknown path does, before any parameter is checked. */
@Injectable()
class PublicActionLogEnabled implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.config.publicActionLog) return true;
    const req = context.switchToHttp().getRequest<HttpRequest>();
    throw new NotFoundException(`Cannot ${req.method} ${pathOf(req.url)}`);
  }
}

@ApiTags('public')
@Controller('public')
@UseGuards(PublicActionLogEnabled)
export class PublicActionLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get('committees/:committeeId/action-log')
  @Public()
  @ProjectionView()
  @ApiOperation({
    summary: "The committee's action log for anyone, without a token (PUBLIC_ACTION_LOG=true): owners by post title, no personal names",
    security: [],
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '{ committee, asOf, rows, nextAfter } or a CSV file' })
  async actionLog(
    @UuidParam('committeeId') committeeId: string,
    @Query() query: ActionLogQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<PublicActionLog | string> {
    const log = publicActionLog(
      await this.queries.execute<GetActionLogQuery, ActionLog>(new GetActionLogQuery(committeeId, actionLogPaging(query, accept))),
    );
    return answerActionLog(asActionLog(log), log, query.format, accept, res);
  }
}
