import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { CompleteActionDto } from './action-requests.dto.js';
import { ActionMessage, ActionWriter } from './action-writer.js';

export class CompleteActionCommand extends ActionMessage<CompleteActionDto> {}

@CommandHandler(CompleteActionCommand)
export class CompleteActionHandler implements ICommandHandler<CompleteActionCommand> {
  constructor(private readonly actions: ActionWriter) {}
  execute(message: CompleteActionCommand): Promise<CommandOutcome> {
    const { outcome, evidence, occurredAt } = message.body;
    return this.actions.runAsOwnerOrStaff(message, async (now, state, byStaff) => ({
      type: 'CompleteAction',
      data: {
        actionId: message.actionId,
        outcome,
        evidence,
        byStaff,
        occurredAt,
        now,
        facts: await this.actions.implementationFacts(state, occurredAt ?? now),
      },
    }));
  }
}
