import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actionDecider, type AssignAction } from '#domain';
import { postDecider } from '#domain';
import { meetingDecider } from '#domain';
import { resolutionDecider } from '#domain';
import { decisionDecider } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { AssignActionDto } from './action-requests.dto.js';

export class AssignActionCommand extends Command<CommandOutcome> {
  constructor(
    readonly actionId: string,
    readonly body: AssignActionDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(AssignActionCommand)
export class AssignActionHandler implements ICommandHandler<AssignActionCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ actionId, body, caller }: AssignActionCommand): Promise<CommandOutcome> {
    const decisionId = body.implementsDecisionId;
    const [resolution, ownerPost, dueMeeting, decision] = await Promise.all([
      this.aggregates.load(resolutionDecider, streamIdFor('resolution', body.resolutionId)),
      this.aggregates.load(postDecider, streamIdFor('post', body.ownerPostId)),
      body.dueMeetingId ? this.aggregates.load(meetingDecider, streamIdFor('meeting', body.dueMeetingId)) : undefined,
      decisionId ? this.aggregates.load(decisionDecider, streamIdFor('decision', decisionId)) : undefined,
    ]);
    return this.aggregates.execute(
      actionDecider,
      { id: actionId, streamId: streamIdFor('action', actionId) },
      (_state, now): AssignAction => ({
        type: 'AssignAction',
        data: {
          actionId,
          resolutionId: body.resolutionId,
          partLabel: body.partLabel,
          title: body.title,
          description: body.description,
          ownerPostId: body.ownerPostId,
          dueDate: body.dueDate,
          dueMeetingId: body.dueMeetingId,
          occurredAt: body.occurredAt,
          now,
          ...(decisionId ? { implementsDecisionId: decisionId } : {}),
          facts: {
            resolution: resolution.state,
            ownerPost: ownerPost.state,
            ...(dueMeeting ? { dueMeeting: dueMeeting.state } : {}),
            ...(decision ? { implementedDecision: decision.state } : {}),
          },
        },
      }),
      { caller },
    );
  }
}
