import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, type RecordAttendance } from '../../../../../libs/domain/src/meeting/index.js';
import { streamIdFor } from '../../../../../libs/domain/src/streams.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandResult } from '../shared/command-result.js';
import type { RecordAttendanceDto } from './record-attendance.dto.js';

export class RecordAttendanceCommand extends Command<CommandResult> {
  constructor(
    readonly meetingId: string,
    readonly body: RecordAttendanceDto,
    readonly expectedVersion: number | undefined,
  ) {
    super();
  }
}

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ meetingId, body, expectedVersion }: RecordAttendanceCommand): Promise<CommandResult> {
    const attendees = body.attendees.map(({ personId, name, role, status }) => ({ personId, name, role, status }));
    return this.aggregates.execute(
      meetingDecider,
      { id: meetingId, streamId: streamIdFor('meeting', meetingId) },
      (_state, now): RecordAttendance => ({ type: 'RecordAttendance', data: { meetingId, attendees, now } }),
      { expectedVersion },
    );
  }
}
