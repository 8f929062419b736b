import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decisionDecider, postDecider, recommendationDecider, streamIdFor, type RecordDecision } from '#domain';
import { actorIdOf, type Caller } from '../../platform/caller.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import { DecisionMakerFactsLookup } from '../recommendations/decision-maker-facts.js';
import type { RecordDecisionDto } from './decision-requests.dto.js';

export class RecordDecisionCommand extends Command<CommandOutcome> {
  constructor(
    readonly decisionId: string,
    readonly body: RecordDecisionDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly decisionMakers: DecisionMakerFactsLookup,
  ) {}

  async execute({ decisionId, body, caller }: RecordDecisionCommand): Promise<CommandOutcome> {
    const recommendationIds = [...new Set(body.recommendationIds ?? [])];
    const answered = await Promise.all(
      recommendationIds.map((id) => this.aggregates.load(recommendationDecider, streamIdFor('recommendation', id))),
    );
    const unknownRecommendationIds = recommendationIds.filter((_id, index) => !answered[index]?.state.exists);
    const postId = body.decisionMaker.postId;
    const post = postId === undefined ? undefined : await this.aggregates.load(postDecider, streamIdFor('post', postId));
    return this.aggregates.execute(
      decisionDecider,
      { id: decisionId, streamId: streamIdFor('decision', decisionId) },
      async (_state, now): Promise<RecordDecision> => ({
        type: 'RecordDecision',
        data: {
          decisionId,
          by: actorIdOf(caller),
          now,
          decisionMaker: body.decisionMaker,
          title: body.title,
          decision: body.decision,
          decidedOn: body.decidedOn,
          keyDecision: body.keyDecision,
          reasons: body.reasons,
          ...(body.alternativesConsidered ? { alternativesConsidered: body.alternativesConsidered } : {}),
          recommendationIds,
          ...(body.reportRef ? { reportRef: body.reportRef } : {}),
          facts: {
            ...(await this.decisionMakers.of(body.decisionMaker, caller, now)),
            unknownRecommendationIds,
            ...(post ? { decisionMakerPost: post.state } : {}),
          },
        },
      }),
      { caller },
    );
  }
}
