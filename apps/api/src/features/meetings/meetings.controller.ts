import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnswersETag, IfMatchVersion, Sends } from '../../platform/index.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import { ViewQueryDto } from '../../read-models/view-query.dto.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import { idFrom } from '../shared/create-id.js';
import { AddAgendaItemCommand } from './add-agenda-item.command.js';
import { AddAgendaItemDto } from './add-agenda-item.dto.js';
import { ApproveMinutesCommand } from './approve-minutes.command.js';
import { ApproveMinutesDto } from './approve-minutes.dto.js';
import { GetMeetingRecordQuery, type MeetingRecordView } from './meeting-record.query.js';
import { RecordAttendanceCommand } from './record-attendance.command.js';
import { RecordAttendanceDto } from './record-attendance.dto.js';
import { ScheduleMeetingCommand } from './schedule-meeting.command.js';
import { ScheduleMeetingDto } from './schedule-meeting.dto.js';
import { Roles } from '../../platform/auth/index.js';
import { Caller } from '../../platform/caller.js';
import { UuidParam } from '../../platform/index.js';

@ApiTags('committees and meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Sends(['ScheduleMeeting'])
  @Roles('scrutiny', 'admin')
  @ApiCreatedResponse({ type: CommandOutcome })
  schedule(@Body() body: ScheduleMeetingDto, @Caller() caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new ScheduleMeetingCommand(idFrom(body, caller), body, caller));
  }

  @Post(':meetingId/attendance')
  @Sends(['RecordAttendance'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome, description: 'Replaces the attendance list' })
  recordAttendance(
    @UuidParam('meetingId') meetingId: string,
    @Body() body: RecordAttendanceDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new RecordAttendanceCommand(meetingId, body, expected, caller));
  }

  @Post(':meetingId/items')
  @Sends(['AddAgendaItem'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome })
  addItem(
    @UuidParam('meetingId') meetingId: string,
    @Body() body: AddAgendaItemDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new AddAgendaItemCommand(meetingId, body, expected, caller));
  }

  @Post(':meetingId/minutes-approval')
  @Sends(['ApproveMinutes'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome, description: 'Minutes confirmed as a correct record at a later meeting of the same committee' })
  approveMinutes(
    @UuidParam('meetingId') meetingId: string,
    @Body() body: ApproveMinutesDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new ApproveMinutesCommand(meetingId, body, expected, caller));
  }

  /** The meeting record from the read models; its ETag is the meeting stream's version (what If-Match on the meeting's commands checks). */
  @Get(':meetingId')
  @AnswersETag()
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  get(@UuidParam('meetingId') meetingId: string, @Query() _view: ViewQueryDto): Promise<MeetingRecordView> {
    return this.queries.execute(new GetMeetingRecordQuery(meetingId));
  }
}
