import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, streamIdFor, type IssueCalendarFeed, type RevokeCalendarFeed } from '#domain';
import { actorIdOf, type Caller } from '../../platform/caller.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import { calendarTokenHash, newCalendarToken } from './calendar-token.js';

export interface IssuedCalendarFeed extends CommandOutcome {
  /** Shown this once: only its hash is kept. */
  readonly token: string;
}

/** Issues a new feed address, replacing any the person had. */
export class IssueCalendarFeedCommand extends Command<IssuedCalendarFeed> {
  constructor(
    readonly personId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(IssueCalendarFeedCommand)
export class IssueCalendarFeedHandler implements ICommandHandler<IssueCalendarFeedCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ personId, caller }: IssueCalendarFeedCommand): Promise<IssuedCalendarFeed> {
    const token = newCalendarToken();
    const outcome = await this.aggregates.execute(
      personDecider,
      { id: personId, streamId: streamIdFor('person', personId) },
      (_state, now): IssueCalendarFeed => ({
        type: 'IssueCalendarFeed',
        data: { personId, tokenHash: calendarTokenHash(token), now, by: actorIdOf(caller) },
      }),
      { caller },
    );
    return { ...outcome, token };
  }
}

export class RevokeCalendarFeedCommand extends Command<CommandOutcome> {
  constructor(
    readonly personId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(RevokeCalendarFeedCommand)
export class RevokeCalendarFeedHandler implements ICommandHandler<RevokeCalendarFeedCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ personId, caller }: RevokeCalendarFeedCommand): Promise<CommandOutcome> {
    return this.aggregates.execute(
      personDecider,
      { id: personId, streamId: streamIdFor('person', personId) },
      (_state, now): RevokeCalendarFeed => ({ type: 'RevokeCalendarFeed', data: { personId, now, by: actorIdOf(caller) } }),
      { caller },
    );
  }
}
