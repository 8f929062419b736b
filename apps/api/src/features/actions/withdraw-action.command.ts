import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { ReasonDto } from './action-requests.dto.js';
import { ActionMessage, ActionWriter } from './action-writer.js';

export class WithdrawActionCommand extends ActionMessage<ReasonDto> {}

@CommandHandler(WithdrawActionCommand)
export class WithdrawActionHandler implements ICommandHandler<WithdrawActionCommand> {
  constructor(private readonly actions: ActionWriter) {}
  execute(message: WithdrawActionCommand): Promise<CommandOutcome> {
    return this.actions.run(message, (now) => ({
      type: 'WithdrawAction',
      data: { actionId: message.actionId, reason: message.body.reason, occurredAt: message.body.occurredAt, now },
    }));
  }
}
