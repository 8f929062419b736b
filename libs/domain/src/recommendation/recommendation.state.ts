import type { DecisionMaker } from './decision-maker.js';
import type { ExecutiveResponse, ImplementationRag, RecommendationMade } from './recommendation.events.js';

export type RecommendationRecord = {
  readonly exists: true;
  readonly recommendationId: string;
  readonly committeeId: string;
  readonly source: RecommendationMade['data']['source'];
  readonly reference: string;
  readonly text: string;
  readonly decisionMaker: DecisionMaker;
  readonly madeOn: string;
  readonly sent?: { readonly receivedOn: string; readonly responseDueOn: string };
  readonly response?: {
    readonly response: ExecutiveResponse;
    readonly reasons: string;
    readonly proposedAction?: string;
    readonly respondedOn: string;
    readonly late: boolean;
    readonly recordedOnBehalf: boolean;
  };
  readonly publishedOn?: string;
  readonly actionIds: readonly string[];
  readonly lastReview?: { readonly rag: ImplementationRag; readonly evidence: string; readonly reviewedOn: string };
  readonly closedOn?: string;
};

export type RecommendationState = { readonly exists: false } | RecommendationRecord;

export const initialRecommendationState = (): RecommendationState => ({ exists: false });

export const isAccepted = (state: RecommendationRecord): boolean =>
  state.response?.response === 'accepted' || state.response?.response === 'accepted-in-part';
