import type { Lookup } from '../shared/lookup.js';
import type { DecisionMaker, DecisionMakerFacts } from './decision-maker.js';
import type { ExecutiveResponse, ImplementationRag, RecommendationMade } from './recommendation.events.js';

type Stamp = { readonly recommendationId: string; readonly by: string; readonly now: string };

/** What making a recommendation checks in other streams (loaded states fit these shapes as they are). */
export type RecommendationReferenceFacts = {
  readonly committee: Lookup;
  /** Given when the source is a resolution. */
  readonly resolution?: Lookup<{ readonly committeeId: string; readonly parts: readonly { readonly label?: string }[] }>;
  /** Given when the decision maker names a post. */
  readonly decisionMakerPost?: Lookup;
};

export type MakeRecommendation = {
  readonly type: 'MakeRecommendation';
  readonly data: Stamp & {
    readonly committeeId: string;
    readonly source: RecommendationMade['data']['source'];
    readonly reference: string;
    readonly text: string;
    readonly decisionMaker: DecisionMaker;
    readonly madeOn: string;
    readonly facts: RecommendationReferenceFacts;
  };
};

export type SendRecommendation = { readonly type: 'SendRecommendation'; readonly data: Stamp & { readonly receivedOn: string } };

export type RecordExecutiveResponse = {
  readonly type: 'RecordExecutiveResponse';
  readonly data: Stamp & {
    readonly response: ExecutiveResponse;
    readonly reasons: string;
    readonly proposedAction?: string;
    readonly respondedOn: string;
    readonly facts: DecisionMakerFacts;
  };
};

export type PublishResponse = { readonly type: 'PublishResponse'; readonly data: Stamp & { readonly publishedOn: string } };

export type LinkImplementationAction = {
  readonly type: 'LinkImplementationAction';
  readonly data: Stamp & { readonly actionId: string; readonly facts: { readonly action: Lookup } };
};

export type ReviewImplementation = {
  readonly type: 'ReviewImplementation';
  readonly data: Stamp & { readonly rag: ImplementationRag; readonly evidence: string; readonly reviewedOn: string };
};

export type AgreeRecommendationClosure = {
  readonly type: 'AgreeRecommendationClosure';
  readonly data: Stamp & { readonly agreedOn: string; readonly note?: string };
};

export type RecommendationCommand =
  | MakeRecommendation
  | SendRecommendation
  | RecordExecutiveResponse
  | PublishResponse
  | LinkImplementationAction
  | ReviewImplementation
  | AgreeRecommendationClosure;
