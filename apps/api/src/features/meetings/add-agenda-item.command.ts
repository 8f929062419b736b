import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, type AddAgendaItem } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { AddAgendaItemDto } from './add-agenda-item.dto.js';

export class AddAgendaItemCommand extends Command<CommandOutcome> {
  constructor(
    readonly meetingId: string,
    readonly body: AddAgendaItemDto,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(AddAgendaItemCommand)
export class AddAgendaItemHandler implements ICommandHandler<AddAgendaItemCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ meetingId, body, expectedVersion, caller }: AddAgendaItemCommand): Promise<CommandOutcome> {
    const { number, title, paperRef, narrative } = body;
    return this.aggregates.execute(
      meetingDecider,
      { id: meetingId, streamId: streamIdFor('meeting', meetingId) },
      (_state, now): AddAgendaItem => ({ type: 'AddAgendaItem', data: { meetingId, number, title, paperRef, narrative, now } }),
      { expectedVersion, caller },
    );
  }
}
