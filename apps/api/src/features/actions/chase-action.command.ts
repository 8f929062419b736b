import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { ChaseActionDto } from './action-requests.dto.js';
import { ActionMessage, ActionWriter } from './action-writer.js';

export class ChaseActionCommand extends ActionMessage<ChaseActionDto> {}

@CommandHandler(ChaseActionCommand)
export class ChaseActionHandler implements ICommandHandler<ChaseActionCommand> {
  constructor(private readonly actions: ActionWriter) {}
  execute(message: ChaseActionCommand): Promise<CommandOutcome> {
    return this.actions.run(message, (now) => ({
      type: 'ChaseAction',
      data: { actionId: message.actionId, note: message.body.note, occurredAt: message.body.occurredAt, now },
    }));
  }
}
