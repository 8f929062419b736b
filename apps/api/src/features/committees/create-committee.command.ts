import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { committeeDecider, type CreateCommittee } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { CreateCommitteeDto } from './create-committee.dto.js';

export class CreateCommitteeCommand extends Command<CommandOutcome> {
  constructor(
    readonly committeeId: string,
    readonly body: CreateCommitteeDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(CreateCommitteeCommand)
export class CreateCommitteeHandler implements ICommandHandler<CreateCommitteeCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ committeeId, body, caller }: CreateCommitteeCommand): Promise<CommandOutcome> {
    return this.aggregates.execute(
      committeeDecider,
      { id: committeeId, streamId: streamIdFor('committee', committeeId) },
      (_state, now): CreateCommittee => ({
        type: 'CreateCommittee',
        data: { committeeId, name: body.name, kind: body.kind, now },
      }),
      { caller },
    );
  }
}
