import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { committeeDecider, postDecider, streamIdFor, type SetCommitteeEscalation } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { SetEscalationDto } from './set-escalation.dto.js';

export class SetEscalationCommand extends Command<CommandOutcome> {
  constructor(
    readonly committeeId: string,
    readonly body: SetEscalationDto,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(SetEscalationCommand)
export class SetEscalationHandler implements ICommandHandler<SetEscalationCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ committeeId, body, expectedVersion, caller }: SetEscalationCommand): Promise<CommandOutcome> {
    const escalationPost = (await this.aggregates.load(postDecider, streamIdFor('post', body.escalationPostId))).state;
    return this.aggregates.execute(
      committeeDecider,
      { id: committeeId, streamId: streamIdFor('committee', committeeId) },
      (_state, now): SetCommitteeEscalation => ({
        type: 'SetCommitteeEscalation',
        data: { committeeId, escalationPostId: body.escalationPostId, afterDays: body.afterDays, now, facts: { escalationPost } },
      }),
      { expectedVersion, caller },
    );
  }
}
