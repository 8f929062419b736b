import type { DecisionMaker } from './decision-maker.js';

export const executiveResponses = ['accepted', 'accepted-in-part', 'rejected'] as const;
export type ExecutiveResponse = (typeof executiveResponses)[number];

export const implementationRags = ['red', 'amber', 'green'] as const;
export type ImplementationRag = (typeof implementationRags)[number];

export type RecommendationMade = {
  readonly type: 'RecommendationMade';
  readonly data: {
    readonly recommendationId: string;
    readonly committeeId: string;
    /** The resolution part it came from, or the scrutiny report it was numbered in. */
    readonly source:
      | { readonly kind: 'resolution'; readonly resolutionId: string; readonly partLabel?: string }
      | { readonly kind: 'report'; readonly reportRef: string };
    /** As the committee numbers it: "R3", "Recommendation 2". */
    readonly reference: string;
    readonly text: string;
    readonly decisionMaker: DecisionMaker;
    /** YYYY-MM-DD: the meeting that made it. */
    readonly madeOn: string;
    readonly madeBy: string;
  };
};

export type RecommendationSent = {
  readonly type: 'RecommendationSent';
  readonly data: {
    readonly recommendationId: string;
    /** YYYY-MM-DD the decision maker received it: the response clock starts here. */
    readonly receivedOn: string;
    /** The last day of the s.9FE period (see executiveResponseDueOn). */
    readonly responseDueOn: string;
    readonly sentBy: string;
  };
};

export type ExecutiveResponded = {
  readonly type: 'ExecutiveResponded';
  readonly data: {
    readonly recommendationId: string;
    readonly response: ExecutiveResponse;
    readonly reasons: string;
    readonly proposedAction?: string;
    readonly respondedOn: string;
    /** After responseDueOn. */
    readonly late: boolean;
    readonly recordedBy: string;
    /** Recorded by scrutiny staff for the decision maker rather than by the post's holder. */
    readonly recordedOnBehalf: boolean;
  };
};

export type ResponsePublished = {
  readonly type: 'ResponsePublished';
  readonly data: { readonly recommendationId: string; readonly publishedOn: string; readonly publishedBy: string };
};

export type ImplementationActionLinked = {
  readonly type: 'ImplementationActionLinked';
  readonly data: { readonly recommendationId: string; readonly actionId: string; readonly linkedBy: string; readonly linkedAt: string };
};

export type ImplementationReviewed = {
  readonly type: 'ImplementationReviewed';
  readonly data: {
    readonly recommendationId: string;
    readonly rag: ImplementationRag;
    readonly evidence: string;
    readonly reviewedOn: string;
    readonly reviewedBy: string;
  };
};

export type RecommendationClosed = {
  readonly type: 'RecommendationClosed';
  readonly data: { readonly recommendationId: string; readonly note?: string; readonly agreedOn: string; readonly closedBy: string };
};

export type RecommendationEvent =
  | RecommendationMade
  | RecommendationSent
  | ExecutiveResponded
  | ResponsePublished
  | ImplementationActionLinked
  | ImplementationReviewed
  | RecommendationClosed;

export const recommendationEventTypes = [
  'RecommendationMade',
  'RecommendationSent',
  'ExecutiveResponded',
  'ResponsePublished',
  'ImplementationActionLinked',
  'ImplementationReviewed',
  'RecommendationClosed',
] as const satisfies readonly RecommendationEvent['type'][];

export const isRecommendationEvent = (event: { readonly type: string }): event is RecommendationEvent =>
  (recommendationEventTypes as readonly string[]).includes(event.type);
