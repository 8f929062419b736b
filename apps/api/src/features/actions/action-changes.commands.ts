import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { postDecider } from '../../../../../libs/domain/src/directory/post/index.js';
import { meetingDecider } from '../../../../../libs/domain/src/meeting/index.js';
import { streamIdFor } from '../../../../../libs/domain/src/streams.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { ChangeDueDto, ReassignActionDto, SignOffActionDto } from './action-requests.dto.js';
import { ActionMessage, ActionWriter } from './action-writer.js';

export class SignOffActionCommand extends ActionMessage<SignOffActionDto> {}
export class ChangeDueCommand extends ActionMessage<ChangeDueDto> {}
export class ReassignActionCommand extends ActionMessage<ReassignActionDto> {}

/** Looks up a meeting another stream names, for the decider's facts. */
async function meetingFacts(aggregates: AggregateStore, meetingId: string | undefined) {
  return meetingId ? (await aggregates.load(meetingDecider, streamIdFor('meeting', meetingId))).state : undefined;
}

@CommandHandler(SignOffActionCommand)
export class SignOffActionHandler implements ICommandHandler<SignOffActionCommand> {
  constructor(private readonly actions: ActionWriter, private readonly aggregates: AggregateStore) {}
  async execute(message: SignOffActionCommand): Promise<CommandOutcome> {
    const { meetingId, note } = message.body;
    const meeting = await meetingFacts(this.aggregates, meetingId);
    return this.actions.run(message, (now) => ({
      type: 'SignOffAction', data: { actionId: message.actionId, meetingId, note, now, facts: meeting ? { meeting } : {} },
    }));
  }
}

@CommandHandler(ChangeDueCommand)
export class ChangeDueHandler implements ICommandHandler<ChangeDueCommand> {
  constructor(private readonly actions: ActionWriter, private readonly aggregates: AggregateStore) {}
  async execute(message: ChangeDueCommand): Promise<CommandOutcome> {
    const { dueDate, dueMeetingId, reason } = message.body;
    const dueMeeting = await meetingFacts(this.aggregates, dueMeetingId);
    return this.actions.run(message, (now) => ({
      type: 'ChangeActionDueDate', data: { actionId: message.actionId, dueDate, dueMeetingId, reason, now, facts: dueMeeting ? { dueMeeting } : {} },
    }));
  }
}

@CommandHandler(ReassignActionCommand)
export class ReassignActionHandler implements ICommandHandler<ReassignActionCommand> {
  constructor(private readonly actions: ActionWriter, private readonly aggregates: AggregateStore) {}
  async execute(message: ReassignActionCommand): Promise<CommandOutcome> {
    const { ownerPostId, reason } = message.body;
    const toPost = (await this.aggregates.load(postDecider, streamIdFor('post', ownerPostId))).state;
    return this.actions.run(message, (now) => ({
      type: 'ReassignAction', data: { actionId: message.actionId, toPostId: ownerPostId, reason, now, facts: { toPost } },
    }));
  }
}
