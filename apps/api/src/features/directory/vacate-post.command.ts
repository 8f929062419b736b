import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { postDecider, type VacatePost } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';

export class VacatePostCommand extends Command<CommandOutcome> {
  constructor(
    readonly postId: string,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(VacatePostCommand)
export class VacatePostHandler implements ICommandHandler<VacatePostCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ postId, expectedVersion, caller }: VacatePostCommand): Promise<CommandOutcome> {
    return this.aggregates.execute(
      postDecider,
      { id: postId, streamId: streamIdFor('post', postId) },
      (_state, now): VacatePost => ({ type: 'VacatePost', data: { postId, now } }),
      { expectedVersion, caller },
    );
  }
}
