import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { ChangeDueDto } from './action-requests.dto.js';
import { ActionMessage, ActionWriter } from './action-writer.js';
import { meetingFacts } from './meeting-facts.js';

export class ChangeDueCommand extends ActionMessage<ChangeDueDto> {}

@CommandHandler(ChangeDueCommand)
export class ChangeDueHandler implements ICommandHandler<ChangeDueCommand> {
  constructor(
    private readonly actions: ActionWriter,
    private readonly aggregates: AggregateStore,
  ) {}
  async execute(message: ChangeDueCommand): Promise<CommandOutcome> {
    const { dueDate, dueMeetingId, reason, occurredAt } = message.body;
    const dueMeeting = await meetingFacts(this.aggregates, dueMeetingId);
    return this.actions.run(message, (now) => ({
      type: 'ChangeActionDueDate',
      data: { actionId: message.actionId, dueDate, dueMeetingId, reason, occurredAt, now, facts: dueMeeting ? { dueMeeting } : {} },
    }));
  }
}
