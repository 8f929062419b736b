import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actionDecider, missing, recommendationDecider, streamIdFor, type RecommendationCommand } from '#domain';
import { actorIdOf, type Caller } from '../../platform/caller.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import { DecisionMakerFactsLookup } from './decision-maker-facts.js';
import type {
  CloseRecommendationDto,
  LinkActionDto,
  PublishResponseDto,
  RecordResponseDto,
  ReviewImplementationDto,
  SendRecommendationDto,
} from './recommendation-requests.dto.js';

/** One step in a recommendation's life after it was made, as the route received it. */
export type RecommendationStep =
  | { readonly kind: 'send'; readonly body: SendRecommendationDto }
  | { readonly kind: 'respond'; readonly body: RecordResponseDto }
  | { readonly kind: 'publish-response'; readonly body: PublishResponseDto }
  | { readonly kind: 'link-action'; readonly body: LinkActionDto }
  | { readonly kind: 'review'; readonly body: ReviewImplementationDto }
  | { readonly kind: 'close'; readonly body: CloseRecommendationDto };

export class RecommendationStepCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: string,
    readonly step: RecommendationStep,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(RecommendationStepCommand)
export class RecommendationStepHandler implements ICommandHandler<RecommendationStepCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly decisionMakers: DecisionMakerFactsLookup,
  ) {}

  async execute({ recommendationId, step, expectedVersion, caller }: RecommendationStepCommand): Promise<CommandOutcome> {
    const linked =
      step.kind === 'link-action' ? await this.aggregates.load(actionDecider, streamIdFor('action', step.body.actionId)) : undefined;
    return this.aggregates.execute(
      recommendationDecider,
      { id: recommendationId, streamId: streamIdFor('recommendation', recommendationId) },
      async (state, now): Promise<RecommendationCommand> => {
        const stamp = { recommendationId, by: actorIdOf(caller), now };
        switch (step.kind) {
          case 'send':
            return { type: 'SendRecommendation', data: { ...stamp, receivedOn: step.body.receivedOn } };
          case 'respond': {
            const facts = await this.decisionMakers.ofRecorded(state, caller, now);
            const { response, reasons, proposedAction, respondedOn } = step.body;
            return {
              type: 'RecordExecutiveResponse',
              data: { ...stamp, response, reasons, ...(proposedAction ? { proposedAction } : {}), respondedOn, facts },
            };
          }
          case 'publish-response':
            return { type: 'PublishResponse', data: { ...stamp, publishedOn: step.body.publishedOn } };
          case 'link-action':
            return {
              type: 'LinkImplementationAction',
              data: { ...stamp, actionId: step.body.actionId, facts: { action: linked?.state ?? missing } },
            };
          case 'review':
            return { type: 'ReviewImplementation', data: { ...stamp, ...step.body } };
          case 'close': {
            const { agreedOn, note } = step.body;
            return { type: 'AgreeRecommendationClosure', data: { ...stamp, agreedOn, ...(note ? { note } : {}) } };
          }
          default: {
            const _exhaustive: never = step;
            return _exhaustive;
          }
        }
      },
      { expectedVersion, caller },
    );
  }
}
