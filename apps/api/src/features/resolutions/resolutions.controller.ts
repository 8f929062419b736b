import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { resolutionDecider } from '../../../../../libs/domain/src/resolution/index.js';
import { streamIdFor } from '../../../../../libs/domain/src/streams.js';
import { etagFor, IfMatchVersion } from '../../platform/index.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { CommandResult } from '../shared/command-result.js';
import { idFrom } from '../shared/create-id.js';
import { sendFolded, type HeaderSink } from '../shared/send-folded.js';
import { CorrectResolutionCommand } from './correct-resolution.command.js';
import { CorrectResolutionDto } from './correct-resolution.dto.js';
import { PassResolutionCommand } from './pass-resolution.command.js';
import { PassResolutionDto } from './pass-resolution.dto.js';
import { ResolutionAsOfDto } from './resolution-as-of.dto.js';
import { GetResolutionHistoryQuery, type ResolutionHistory } from './resolution-history.query.js';

const IF_MATCH = { name: 'If-Match', required: false, description: 'Apply only at this version, e.g. "2" (412 otherwise)' };

@ApiTags('resolutions')
@ApiBearerAuth()
@Controller()
export class ResolutionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly aggregates: AggregateStore,
  ) {}

  @Post('meetings/:meetingId/resolutions')
  @ApiOperation({ summary: 'Record a resolution passed on an agenda item of the meeting' })
  @ApiCreatedResponse({ type: CommandResult })
  pass(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Body() body: PassResolutionDto): Promise<CommandResult> {
    return this.commands.execute(new PassResolutionCommand(idFrom(body), meetingId, body));
  }

  @Post('resolutions/:resolutionId/corrections')
  @HttpCode(200)
  @ApiOperation({ summary: 'Correct the wording; the earlier wording stays in the history' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: CommandResult })
  correct(
    @Param('resolutionId', ParseUUIDPipe) resolutionId: string,
    @Body() body: CorrectResolutionDto,
    @IfMatchVersion() expected: number | undefined,
  ): Promise<CommandResult> {
    return this.commands.execute(new CorrectResolutionCommand(resolutionId, body, expected));
  }

  @Get('resolutions/:resolutionId')
  @ApiOperation({ summary: 'The resolution now, or as it stood at `asOf`; ETag is its version' })
  async get(
    @Param('resolutionId', ParseUUIDPipe) resolutionId: string,
    @Query() query: ResolutionAsOfDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<object> {
    const asOf = query.asOf === undefined ? undefined : new Date(query.asOf);
    const loaded = await this.aggregates.load(resolutionDecider, streamIdFor('resolution', resolutionId), asOf);
    const message = asOf ? `Resolution ${resolutionId} did not exist at ${query.asOf}` : `Resolution ${resolutionId} does not exist`;
    const resolution = sendFolded(res, loaded, 'resolution-not-found', message);
    return asOf ? { ...resolution, asOf: asOf.toISOString() } : resolution;
  }

  @Get('resolutions/:resolutionId/history')
  @ApiOperation({ summary: 'Every wording of the resolution, with when it was made and why it was corrected' })
  async history(@Param('resolutionId', ParseUUIDPipe) resolutionId: string, @Res({ passthrough: true }) res: HeaderSink): Promise<ResolutionHistory> {
    const history = await this.queries.execute(new GetResolutionHistoryQuery(resolutionId));
    res.setHeader('ETag', etagFor(history.version));
    return history;
  }
}
