import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { currentRequestContext } from '../../platform/index.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { ChaseActionDto, CompleteActionDto, ReasonDto, ReportProgressDto } from './action-requests.dto.js';
import { ActionMessage, ActionWriter } from './action-writer.js';

export class ReportProgressCommand extends ActionMessage<ReportProgressDto> {}
export class CompleteActionCommand extends ActionMessage<CompleteActionDto> {}
export class ReopenActionCommand extends ActionMessage<ReasonDto> {}
export class ChaseActionCommand extends ActionMessage<ChaseActionDto> {}
export class WithdrawActionCommand extends ActionMessage<ReasonDto> {}

@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand> {
  constructor(private readonly actions: ActionWriter) {}
  execute(message: ReportProgressCommand): Promise<CommandOutcome> {
    const { note, rag } = message.body;
    const reportedBy = currentRequestContext()?.actor?.id;
    return this.actions.runAsOwnerOrStaff(message, (now) => ({ type: 'ReportActionProgress', data: { actionId: message.actionId, note, rag, reportedBy, now } }));
  }
}

@CommandHandler(CompleteActionCommand)
export class CompleteActionHandler implements ICommandHandler<CompleteActionCommand> {
  constructor(private readonly actions: ActionWriter) {}
  execute(message: CompleteActionCommand): Promise<CommandOutcome> {
    const { outcome, evidence } = message.body;
    return this.actions.runAsOwnerOrStaff(message, (now) => ({ type: 'CompleteAction', data: { actionId: message.actionId, outcome, evidence, now } }));
  }
}

@CommandHandler(ReopenActionCommand)
export class ReopenActionHandler implements ICommandHandler<ReopenActionCommand> {
  constructor(private readonly actions: ActionWriter) {}
  execute(message: ReopenActionCommand): Promise<CommandOutcome> {
    return this.actions.run(message, (now) => ({ type: 'ReopenAction', data: { actionId: message.actionId, reason: message.body.reason, now } }));
  }
}

@CommandHandler(ChaseActionCommand)
export class ChaseActionHandler implements ICommandHandler<ChaseActionCommand> {
  constructor(private readonly actions: ActionWriter) {}
  execute(message: ChaseActionCommand): Promise<CommandOutcome> {
    return this.actions.run(message, (now) => ({ type: 'ChaseAction', data: { actionId: message.actionId, note: message.body.note, now } }));
  }
}

@CommandHandler(WithdrawActionCommand)
export class WithdrawActionHandler implements ICommandHandler<WithdrawActionCommand> {
  constructor(private readonly actions: ActionWriter) {}
  execute(message: WithdrawActionCommand): Promise<CommandOutcome> {
    return this.actions.run(message, (now) => ({ type: 'WithdrawAction', data: { actionId: message.actionId, reason: message.body.reason, now } }));
  }
}
