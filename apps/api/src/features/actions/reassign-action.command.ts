import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { postDecider } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { ReassignActionDto } from './action-requests.dto.js';
import { ActionMessage, ActionWriter } from './action-writer.js';

export class ReassignActionCommand extends ActionMessage<ReassignActionDto> {}

@CommandHandler(ReassignActionCommand)
export class ReassignActionHandler implements ICommandHandler<ReassignActionCommand> {
  constructor(
    private readonly actions: ActionWriter,
    private readonly aggregates: AggregateStore,
  ) {}
  async execute(message: ReassignActionCommand): Promise<CommandOutcome> {
    const { ownerPostId, reason } = message.body;
    const toPost = (await this.aggregates.load(postDecider, streamIdFor('post', ownerPostId))).state;
    return this.actions.run(message, (now) => ({
      type: 'ReassignAction',
      data: { actionId: message.actionId, toPostId: ownerPostId, reason, occurredAt: message.body.occurredAt, now, facts: { toPost } },
    }));
  }
}
