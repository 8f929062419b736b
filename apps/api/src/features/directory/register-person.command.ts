import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, type RegisterPerson } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { RegisterPersonDto } from './register-person.dto.js';

export class RegisterPersonCommand extends Command<CommandOutcome> {
  constructor(
    readonly personId: string,
    readonly body: RegisterPersonDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ personId, body, caller }: RegisterPersonCommand): Promise<CommandOutcome> {
    return this.aggregates.execute(
      personDecider,
      { id: personId, streamId: streamIdFor('person', personId) },
      (_state, now): RegisterPerson => ({
        type: 'RegisterPerson',
        data: {
          personId,
          name: body.name,
          email: body.email,
          ...(body.identitySubject === undefined ? {} : { identitySubject: body.identitySubject }),
          now,
        },
      }),
      { caller },
    );
  }
}
