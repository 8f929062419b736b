import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { committeeDecider, invalid, postDecider, recommendationDecider, resolutionDecider, streamIdFor } from '#domain';
import type { MakeRecommendation, RecommendationMade } from '#domain';
import { actorIdOf, type Caller } from '../../platform/caller.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { MakeRecommendationDto } from './recommendation-requests.dto.js';

export class MakeRecommendationCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: string,
    readonly body: MakeRecommendationDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

function sourceOf(body: MakeRecommendationDto): RecommendationMade['data']['source'] {
  if (body.resolutionId !== undefined) {
    return { kind: 'resolution', resolutionId: body.resolutionId, ...(body.partLabel !== undefined ? { partLabel: body.partLabel } : {}) };
  }
  if (body.reportRef !== undefined && body.partLabel === undefined) return { kind: 'report', reportRef: body.reportRef };
  throw invalid(
    'recommendation-source-required',
    'Give the resolutionId (and partLabel) it came from, or the reportRef it is numbered in',
    {
      field: body.reportRef === undefined ? 'resolutionId' : 'partLabel',
    },
  );
}

@CommandHandler(MakeRecommendationCommand)
export class MakeRecommendationHandler implements ICommandHandler<MakeRecommendationCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ recommendationId, body, caller }: MakeRecommendationCommand): Promise<CommandOutcome> {
    const source = sourceOf(body);
    const postId = body.decisionMaker.postId;
    const [committee, resolution, post] = await Promise.all([
      this.aggregates.load(committeeDecider, streamIdFor('committee', body.committeeId)),
      source.kind === 'resolution' ? this.aggregates.load(resolutionDecider, streamIdFor('resolution', source.resolutionId)) : undefined,
      postId !== undefined ? this.aggregates.load(postDecider, streamIdFor('post', postId)) : undefined,
    ]);
    return this.aggregates.execute(
      recommendationDecider,
      { id: recommendationId, streamId: streamIdFor('recommendation', recommendationId) },
      (_state, now): MakeRecommendation => ({
        type: 'MakeRecommendation',
        data: {
          recommendationId,
          by: actorIdOf(caller),
          now,
          committeeId: body.committeeId,
          source,
          reference: body.reference,
          text: body.text,
          decisionMaker: body.decisionMaker,
          madeOn: body.madeOn,
          facts: {
            committee: committee.state,
            ...(resolution ? { resolution: resolution.state } : {}),
            ...(post ? { decisionMakerPost: post.state } : {}),
          },
        },
      }),
      { caller },
    );
  }
}
