import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { ReasonDto } from './action-requests.dto.js';
import { ActionMessage, ActionWriter } from './action-writer.js';

export class ReopenActionCommand extends ActionMessage<ReasonDto> {}

@CommandHandler(ReopenActionCommand)
export class ReopenActionHandler implements ICommandHandler<ReopenActionCommand> {
  constructor(private readonly actions: ActionWriter) {}
  execute(message: ReopenActionCommand): Promise<CommandOutcome> {
    return this.actions.run(message, (now) => ({
      type: 'ReopenAction',
      data: { actionId: message.actionId, reason: message.body.reason, occurredAt: message.body.occurredAt, now },
    }));
  }
}
