import { Module } from '@nestjs/common';
import { AddAgendaItemHandler } from './add-agenda-item.command.js';
import { ApproveMinutesHandler } from './approve-minutes.command.js';
import { GetMeetingRecordHandler } from './meeting-record.query.js';
import { MeetingsController } from './meetings.controller.js';
import { RecordAttendanceHandler } from './record-attendance.command.js';
import { ScheduleMeetingHandler } from './schedule-meeting.command.js';

@Module({
  controllers: [MeetingsController],
  providers: [ScheduleMeetingHandler, RecordAttendanceHandler, AddAgendaItemHandler, ApproveMinutesHandler, GetMeetingRecordHandler],
})
export class MeetingsModule {}
