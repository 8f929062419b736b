import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, type ApproveMinutes } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { ApproveMinutesDto } from './approve-minutes.dto.js';

export class ApproveMinutesCommand extends Command<CommandOutcome> {
  constructor(
    readonly meetingId: string,
    readonly body: ApproveMinutesDto,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(ApproveMinutesCommand)
export class ApproveMinutesHandler implements ICommandHandler<ApproveMinutesCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ meetingId, body, expectedVersion, caller }: ApproveMinutesCommand): Promise<CommandOutcome> {
    const { approvedAtMeetingId } = body;
    return this.aggregates.execute(
      meetingDecider,
      { id: meetingId, streamId: streamIdFor('meeting', meetingId) },
      async (_state, now): Promise<ApproveMinutes> => ({
        type: 'ApproveMinutes',
        data: {
          meetingId,
          approvedAtMeetingId,
          now,
          facts: { approvingMeeting: (await this.aggregates.load(meetingDecider, streamIdFor('meeting', approvedAtMeetingId))).state },
        },
      }),
      { expectedVersion, caller },
    );
  }
}
