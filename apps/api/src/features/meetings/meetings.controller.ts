import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MeetingRecord } from '../../../../../libs/domain/src/meeting/index.js';
import { IfMatchVersion } from '../../platform/index.js';
import { CommandResult } from '../shared/command-result.js';
import { idFrom } from '../shared/create-id.js';
import { sendFolded, type HeaderSink } from '../shared/send-folded.js';
import { AddAgendaItemCommand } from './add-agenda-item.command.js';
import { AddAgendaItemDto } from './add-agenda-item.dto.js';
import { ApproveMinutesCommand } from './approve-minutes.command.js';
import { ApproveMinutesDto } from './approve-minutes.dto.js';
import { GetMeetingRecordQuery } from './meeting-record.query.js';
import { RecordAttendanceCommand } from './record-attendance.command.js';
import { RecordAttendanceDto } from './record-attendance.dto.js';
import { ScheduleMeetingCommand } from './schedule-meeting.command.js';
import { ScheduleMeetingDto } from './schedule-meeting.dto.js';

@ApiTags('committees and meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: CommandResult })
  schedule(@Body() body: ScheduleMeetingDto): Promise<CommandResult> {
    return this.commands.execute(new ScheduleMeetingCommand(idFrom(body), body));
  }

  @Post(':meetingId/attendance')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResult, description: 'Replaces the attendance list' })
  recordAttendance(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() body: RecordAttendanceDto,
    @IfMatchVersion() expected: number | undefined,
  ): Promise<CommandResult> {
    return this.commands.execute(new RecordAttendanceCommand(meetingId, body, expected));
  }

  @Post(':meetingId/items')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResult })
  addItem(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() body: AddAgendaItemDto,
    @IfMatchVersion() expected: number | undefined,
  ): Promise<CommandResult> {
    return this.commands.execute(new AddAgendaItemCommand(meetingId, body, expected));
  }

  @Post(':meetingId/minutes-approval')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResult, description: 'Minutes confirmed as a correct record at a later meeting of the same committee' })
  approveMinutes(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() body: ApproveMinutesDto,
    @IfMatchVersion() expected: number | undefined,
  ): Promise<CommandResult> {
    return this.commands.execute(new ApproveMinutesCommand(meetingId, body, expected));
  }

  /** The meeting record; its ETag is the meeting stream's version (what If-Match on the meeting's commands checks). */
  @Get(':meetingId')
  async get(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Res({ passthrough: true }) res: HeaderSink): Promise<object> {
    const record = await this.queries.execute(new GetMeetingRecordQuery(meetingId));
    const meeting = sendFolded(res, record.meeting, 'meeting-not-found', `Meeting ${meetingId} does not exist`);
    const { minutesApproved } = record.meeting.state as MeetingRecord; // sendFolded has refused a meeting that does not exist
    return { ...meeting, minutesApproved: minutesApproved ?? null, resolutions: record.resolutions, actions: record.actions };
  }
}
