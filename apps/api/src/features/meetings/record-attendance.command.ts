import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, type RecordAttendance } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { RecordAttendanceDto } from './record-attendance.dto.js';

export class RecordAttendanceCommand extends Command<CommandOutcome> {
  constructor(
    readonly meetingId: string,
    readonly body: RecordAttendanceDto,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ meetingId, body, expectedVersion, caller }: RecordAttendanceCommand): Promise<CommandOutcome> {
    const attendees = body.attendees.map(({ personId, name, role, status }) => ({ personId, name, role, status }));
    return this.aggregates.execute(
      meetingDecider,
      { id: meetingId, streamId: streamIdFor('meeting', meetingId) },
      (_state, now): RecordAttendance => ({ type: 'RecordAttendance', data: { meetingId, attendees, now } }),
      { expectedVersion, caller },
    );
  }
}
