import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider } from '#domain';
import { postDecider, type AppointPostHolder } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { AppointPostHolderDto } from './appoint-post-holder.dto.js';

export class AppointPostHolderCommand extends Command<CommandOutcome> {
  constructor(
    readonly postId: string,
    readonly body: AppointPostHolderDto,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(AppointPostHolderCommand)
export class AppointPostHolderHandler implements ICommandHandler<AppointPostHolderCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ postId, body, expectedVersion, caller }: AppointPostHolderCommand): Promise<CommandOutcome> {
    return this.aggregates.execute(
      postDecider,
      { id: postId, streamId: streamIdFor('post', postId) },
      async (_state, now): Promise<AppointPostHolder> => ({
        type: 'AppointPostHolder',
        data: {
          postId,
          personId: body.personId,
          from: body.from,
          now,
          facts: { person: (await this.aggregates.load(personDecider, streamIdFor('person', body.personId))).state },
        },
      }),
      { expectedVersion, caller },
    );
  }
}
