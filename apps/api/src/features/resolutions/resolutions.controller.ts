import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { resolutionDecider } from '#domain';
import { notFound } from '#domain';
import { streamIdFor } from '#domain';
import type { SqlDatabase } from '#event-store';
import { AnswersETag, IfMatchVersion, Sends, SQL_DATABASE } from '../../platform/index.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import { idFrom } from '../shared/create-id.js';
import { sendFolded, type HeaderSink } from '../shared/send-folded.js';
import { CorrectResolutionCommand } from './correct-resolution.command.js';
import { CorrectResolutionDto } from './correct-resolution.dto.js';
import { PassResolutionCommand } from './pass-resolution.command.js';
import { PassResolutionDto } from './pass-resolution.dto.js';
import { ResolutionAsOfDto } from './resolution-as-of.dto.js';
import { readResolution } from './resolution-record.sql.js';
import { GetResolutionHistoryQuery, type ResolutionHistory } from './resolution-history.query.js';
import { Roles } from '../../platform/auth/index.js';
import { Caller } from '../../platform/caller.js';
import { UuidParam } from '../../platform/index.js';

@ApiTags('resolutions')
@ApiBearerAuth()
@Controller()
export class ResolutionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly aggregates: AggregateStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  @Post('meetings/:meetingId/resolutions')
  @Sends(['PassResolution'])
  @Roles('scrutiny', 'admin')
  @ApiOperation({ summary: 'Record a resolution passed on an agenda item of the meeting' })
  @ApiCreatedResponse({ type: CommandOutcome })
  pass(@UuidParam('meetingId') meetingId: string, @Body() body: PassResolutionDto, @Caller() caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new PassResolutionCommand(idFrom(body, caller), meetingId, body, caller));
  }

  @Post('resolutions/:resolutionId/corrections')
  @Sends(['CorrectResolution'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Correct the wording; the earlier wording stays in the history' })
  @ApiOkResponse({ type: CommandOutcome })
  correct(
    @UuidParam('resolutionId') resolutionId: string,
    @Body() body: CorrectResolutionDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new CorrectResolutionCommand(resolutionId, body, expected, caller));
  }

  @Get('resolutions/:resolutionId')
  @AnswersETag()
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({ summary: 'The resolution now (from the read models), or as it stood at `asOf` (from its stream); ETag is its version' })
  async get(
    @UuidParam('resolutionId') resolutionId: string,
    @Query() query: ResolutionAsOfDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<object> {
    if (query.asOf === undefined) {
      const resolution = await readResolution(this.db, resolutionId);
      if (!resolution) throw notFound('resolution-not-found', `Resolution ${resolutionId} does not exist`, { resolutionId });
      return resolution;
    }
    const asOf = new Date(query.asOf);
    const loaded = await this.aggregates.load(resolutionDecider, streamIdFor('resolution', resolutionId), asOf);
    const resolution = sendFolded(res, loaded, 'resolution-not-found', `Resolution ${resolutionId} did not exist at ${query.asOf}`);
    return { ...resolution, asOf: asOf.toISOString() };
  }

  @Get('resolutions/:resolutionId/history')
  @AnswersETag()
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  @ApiOperation({ summary: 'Every wording of the resolution, with when it was made and why it was corrected' })
  history(@UuidParam('resolutionId') resolutionId: string): Promise<ResolutionHistory> {
    return this.queries.execute(new GetResolutionHistoryQuery(resolutionId));
  }
}
