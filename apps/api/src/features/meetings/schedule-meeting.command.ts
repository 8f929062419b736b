import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { committeeDecider } from '#domain';
import { meetingDecider, type ScheduleMeeting } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { ScheduleMeetingDto } from './schedule-meeting.dto.js';

export class ScheduleMeetingCommand extends Command<CommandOutcome> {
  constructor(
    readonly meetingId: string,
    readonly body: ScheduleMeetingDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeetingCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ meetingId, body, caller }: ScheduleMeetingCommand): Promise<CommandOutcome> {
    const { committeeId, startsAt, date, title, location } = body;
    return this.aggregates.execute(
      meetingDecider,
      { id: meetingId, streamId: streamIdFor('meeting', meetingId) },
      async (_state, now): Promise<ScheduleMeeting> => ({
        type: 'ScheduleMeeting',
        data: {
          meetingId,
          committeeId,
          startsAt,
          date,
          title,
          location,
          now,
          facts: { committee: (await this.aggregates.load(committeeDecider, streamIdFor('committee', committeeId))).state },
        },
      }),
      { caller },
    );
  }
}
