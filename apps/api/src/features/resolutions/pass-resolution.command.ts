import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider } from '#domain';
import { resolutionDecider, type PassResolution } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { PassResolutionDto } from './pass-resolution.dto.js';

export class PassResolutionCommand extends Command<CommandOutcome> {
  constructor(
    readonly resolutionId: string,
    readonly meetingId: string,
    readonly body: PassResolutionDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(PassResolutionCommand)
export class PassResolutionHandler implements ICommandHandler<PassResolutionCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ resolutionId, meetingId, body, caller }: PassResolutionCommand): Promise<CommandOutcome> {
    const stream = { id: resolutionId, streamId: streamIdFor('resolution', resolutionId) };
    return this.aggregates.execute(
      resolutionDecider,
      stream,
      async (_state, now): Promise<PassResolution> => {
        const meeting = await this.aggregates.load(meetingDecider, streamIdFor('meeting', meetingId));
        return {
          type: 'PassResolution',
          data: { resolutionId, meetingId, itemNumber: body.itemNumber, parts: body.parts, now, facts: { meeting: meeting.state } },
        };
      },
      { caller },
    );
  }
}
