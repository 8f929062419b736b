import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, streamIdFor, type SetNotificationPreferences } from '#domain';
import { actorIdOf, type Caller } from '../../platform/caller.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { NotificationPreferencesDto } from './notification-preferences.dto.js';

export class SetNotificationPreferencesCommand extends Command<CommandOutcome> {
  constructor(
    readonly personId: string,
    readonly body: NotificationPreferencesDto,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(SetNotificationPreferencesCommand)
export class SetNotificationPreferencesHandler implements ICommandHandler<SetNotificationPreferencesCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ personId, body, expectedVersion, caller }: SetNotificationPreferencesCommand): Promise<CommandOutcome> {
    return this.aggregates.execute(
      personDecider,
      { id: personId, streamId: streamIdFor('person', personId) },
      (_state, now): SetNotificationPreferences => ({
        type: 'SetNotificationPreferences',
        data: { personId, reminders: body.reminders, weeklyDigest: body.weeklyDigest, now, by: actorIdOf(caller) },
      }),
      { expectedVersion, caller },
    );
  }
}
