import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { SignOffActionDto } from './action-requests.dto.js';
import { ActionMessage, ActionWriter } from './action-writer.js';
import { meetingFacts } from './meeting-facts.js';

export class SignOffActionCommand extends ActionMessage<SignOffActionDto> {}

@CommandHandler(SignOffActionCommand)
export class SignOffActionHandler implements ICommandHandler<SignOffActionCommand> {
  constructor(
    private readonly actions: ActionWriter,
    private readonly aggregates: AggregateStore,
  ) {}
  async execute(message: SignOffActionCommand): Promise<CommandOutcome> {
    const { meetingId, note, occurredAt } = message.body;
    const meeting = await meetingFacts(this.aggregates, meetingId);
    return this.actions.run(message, (now) => ({
      type: 'SignOffAction',
      data: { actionId: message.actionId, meetingId, note, occurredAt, now, facts: meeting ? { meeting } : {} },
    }));
  }
}
