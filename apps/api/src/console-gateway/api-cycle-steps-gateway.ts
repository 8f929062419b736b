import { Injectable } from '@nestjs/common';
import type { CommandResult, ConsoleCaller, DecisionStepInput, RecommendationStepInput } from '#console';
import type { Caller } from '../platform/caller.js';
import { ConcludeCallInDto, PublishDecisionDto, ReconsiderDecisionDto } from '../features/decisions/decision-requests.dto.js';
import { DecisionStepCommand, type DecisionStep } from '../features/decisions/decision-step.command.js';
import { DecisionsController } from '../features/decisions/decisions.controller.js';
import {
  CloseRecommendationDto,
  LinkActionDto,
  PublishResponseDto,
  ReviewImplementationDto,
  SendRecommendationDto,
} from '../features/recommendations/recommendation-requests.dto.js';
import { RecommendationStepCommand, type RecommendationStep } from '../features/recommendations/recommendation-step.command.js';
import { RecommendationsController } from '../features/recommendations/recommendations.controller.js';
import { isUuid } from '../features/shared/uuid.js';
import { defined, RouteCommands, type Route } from './route-commands.js';

/**
 * The cycle's later steps from the console, each through its own API route's rule and DTO: a recommendation's sending,
 * the response's publication, an implementation action linked, a review and closure; a decision's publication, the call-in's outcome and reconsideration.
 */
@Injectable()
export class ApiCycleStepsGateway {
  constructor(private readonly routes: RouteCommands) {}

  recommendationStep(
    caller: ConsoleCaller,
    recommendationId: string,
    step: RecommendationStepInput,
    expectedVersion: number,
  ): Promise<CommandResult> {
    if (!isUuid(recommendationId)) return Promise.resolve({ kind: 'not-found' });
    const command = (c: Caller, s: RecommendationStep) => new RecommendationStepCommand(recommendationId, s, expectedVersion, c);
    const route = (handler: string): Route => [RecommendationsController, handler];
    switch (step.kind) {
      case 'send':
        return this.routes.runStep(caller, route('send'), SendRecommendationDto, { receivedOn: step.receivedOn }, (body, c) =>
          command(c, { kind: 'send', body }),
        );
      case 'publish-response':
        return this.routes.runStep(caller, route('publish'), PublishResponseDto, { publishedOn: step.publishedOn }, (body, c) =>
          command(c, { kind: 'publish-response', body }),
        );
      case 'link-action':
        return this.routes.runStep(caller, route('link'), LinkActionDto, { actionId: step.actionId }, (body, c) =>
          command(c, { kind: 'link-action', body }),
        );
      case 'review': {
        const { rag, evidence, reviewedOn } = step;
        return this.routes.runStep(caller, route('review'), ReviewImplementationDto, { rag, evidence, reviewedOn }, (body, c) =>
          command(c, { kind: 'review', body }),
        );
      }
      case 'close':
        return this.routes.runStep(
          caller,
          route('close'),
          CloseRecommendationDto,
          defined({ agreedOn: step.agreedOn, note: step.note }),
          (body, c) => command(c, { kind: 'close', body }),
        );
    }
  }

  decisionStep(caller: ConsoleCaller, decisionId: string, step: DecisionStepInput, expectedVersion: number): Promise<CommandResult> {
    if (!isUuid(decisionId)) return Promise.resolve({ kind: 'not-found' });
    const command = (c: Caller, s: DecisionStep) => new DecisionStepCommand(decisionId, s, expectedVersion, c);
    const route = (handler: string): Route => [DecisionsController, handler];
    switch (step.kind) {
      case 'publish':
        return this.routes.runStep(caller, route('publish'), PublishDecisionDto, { publishedOn: step.publishedOn }, (body, c) =>
          command(c, { kind: 'publish', body }),
        );
      case 'conclude-call-in': {
        const input = defined({ outcome: step.outcome, note: step.note, concludedOn: step.concludedOn });
        return this.routes.runStep(caller, route('concludeCallIn'), ConcludeCallInDto, input, (body, c) =>
          command(c, { kind: 'conclude-call-in', body }),
        );
      }
      case 'reconsider': {
        const input = defined({ outcome: step.outcome, decision: step.decision, reasons: step.reasons, decidedOn: step.decidedOn });
        return this.routes.runStep(caller, route('reconsider'), ReconsiderDecisionDto, input, (body, c) =>
          command(c, { kind: 'reconsider', body }),
        );
      }
    }
  }
}
