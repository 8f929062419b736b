import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, personDecider, type RecordAttendance } from '#domain';
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

  async execute({ meetingId, body, expectedVersion, caller }: RecordAttendanceCommand): Promise<CommandOutcome> {
    const attendees = body.attendees.map(({ personId, name, role, status }) => ({ personId, name, role, status }));
    const personIds = [...new Set(attendees.flatMap(({ personId }) => (personId ? [personId] : [])))];
    const people = Object.fromEntries(
      await Promise.all(
        personIds.map(
          async (personId) => [personId, (await this.aggregates.load(personDecider, streamIdFor('person', personId))).state] as const,
        ),
      ),
    );
    return this.aggregates.execute(
      meetingDecider,
      { id: meetingId, streamId: streamIdFor('meeting', meetingId) },
      (_state, now): RecordAttendance => ({ type: 'RecordAttendance', data: { meetingId, attendees, now, facts: { people } } }),
      { expectedVersion, caller },
    );
  }
}
