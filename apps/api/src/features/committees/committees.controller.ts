import { Body, Controller, Get, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { committeeDecider } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import { idFrom } from '../shared/create-id.js';
import { sendFolded, type HeaderSink } from '../shared/send-folded.js';
import { CreateCommitteeCommand } from './create-committee.command.js';
import { CreateCommitteeDto } from './create-committee.dto.js';
import { GetCommitteeMeetingsQuery, type CommitteeMeetings } from './committee-meetings.query.js';
import { ListCommitteesQuery, type CommitteeList } from './list-committees.query.js';
import { ListQueryDto, listPagingOf, NameListQueryDto } from '../shared/list-query.dto.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import { Roles } from '../../platform/auth/index.js';
import { Caller } from '../../platform/caller.js';
import { AnswersETag, IfMatchVersion, Sends, UuidParam } from '../../platform/index.js';
import { SetEscalationCommand } from './set-escalation.command.js';
import { SetEscalationDto } from './set-escalation.dto.js';

@ApiTags('committees and meetings')
@ApiBearerAuth()
@Controller('committees')
export class CommitteesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly aggregates: AggregateStore,
  ) {}

  @Post()
  @Sends(['CreateCommittee'])
  @Roles('scrutiny', 'admin')
  @ApiCreatedResponse({ type: CommandOutcome })
  create(@Body() body: CreateCommitteeDto, @Caller() caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new CreateCommitteeCommand(idFrom(body, caller), body, caller));
  }

  @Get()
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({ summary: 'Committees in name order, optionally only those whose name contains `name` (any case), a page at a time' })
  @ApiOkResponse({ description: '{ committees: [{ committeeId, name, kind, createdAt }], nextAfter }' })
  list(@Query() query: NameListQueryDto): Promise<CommitteeList> {
    return this.queries.execute(new ListCommitteesQuery(query.name, listPagingOf(query)));
  }

  @Get(':committeeId/meetings')
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({ summary: "A committee's meetings, newest first (a meeting dated without a time at the start of its UK day)" })
  @ApiOkResponse({
    description:
      '{ committee: { committeeId, name }, meetings: [{ meetingId, date, startsAt?, title?, location?, itemCount, minutesApproved }], nextAfter }',
  })
  meetings(@UuidParam('committeeId') committeeId: string, @Query() query: ListQueryDto): Promise<CommitteeMeetings> {
    return this.queries.execute(new GetCommitteeMeetingsQuery(committeeId, listPagingOf(query)));
  }

  @Put(':committeeId/escalation')
  @Sends(['SetCommitteeEscalation'])
  @Roles('scrutiny', 'admin')
  @ApiOperation({
    summary:
      "Where the committee's overdue actions are escalated: the holder of `escalationPostId` is emailed `afterDays` days after an action's due date",
  })
  @ApiOkResponse({ type: CommandOutcome })
  setEscalation(
    @UuidParam('committeeId') committeeId: string,
    @Body() body: SetEscalationDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new SetEscalationCommand(committeeId, body, expected, caller));
  }

  @Get(':committeeId')
  @AnswersETag()
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  async get(@UuidParam('committeeId') committeeId: string, @Res({ passthrough: true }) res: HeaderSink): Promise<object> {
    const loaded = await this.aggregates.load(committeeDecider, streamIdFor('committee', committeeId));
    return sendFolded(res, loaded, 'committee-not-found', `Committee ${committeeId} does not exist`);
  }
}
