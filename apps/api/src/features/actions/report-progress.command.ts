import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { ReportProgressDto } from './action-requests.dto.js';
import { ActionMessage, ActionWriter } from './action-writer.js';

export class ReportProgressCommand extends ActionMessage<ReportProgressDto> {}

@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand> {
  constructor(private readonly actions: ActionWriter) {}
  execute(message: ReportProgressCommand): Promise<CommandOutcome> {
    const { note, rag, occurredAt } = message.body;
    const reportedBy = message.caller.actor?.id;
    return this.actions.runAsOwnerOrStaff(message, async (now, state, byStaff) => ({
      type: 'ReportActionProgress',
      data: {
        actionId: message.actionId,
        note,
        rag,
        reportedBy,
        byStaff,
        occurredAt,
        now,
        facts: await this.actions.implementationFacts(state, occurredAt ?? now),
      },
    }));
  }
}
