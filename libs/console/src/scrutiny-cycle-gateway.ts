import type { ActionHistoryEntry, CommandResult, ConsoleCaller, FieldProblem, Read } from './console-gateway.js';
import type { CreateResult, PostOption } from './recording-gateway.js';

/** The domain's words the cycle's forms offer, from the API (the console holds none of its own). */
export interface CycleVocabulary {
  readonly executiveResponses: readonly string[];
  readonly decisionMakerKinds: readonly string[];
  readonly trackerStatuses: readonly string[];
  readonly implementationRags: readonly string[];
  readonly callInOutcomes: readonly string[];
  readonly reconsiderationOutcomes: readonly string[];
}

export interface TrackerFilters {
  readonly status: string;
  /** As the API takes it: 2014/15. */
  readonly municipalYear: string;
}

/** A read whose filters the API refused: said on the page's filter form. */
export type FilteredRead<T> = Read<T> | { readonly kind: 'invalid'; readonly errors: readonly FieldProblem[] };

export interface TrackerRow {
  readonly recommendationId: string;
  readonly reference: string;
  readonly text: string;
  readonly decisionMaker: string;
  readonly receivedOn: string | null;
  readonly responseDueOn: string | null;
  readonly status: string;
  readonly daysOverdue: number;
  readonly response: { readonly response: string; readonly respondedOn: string; readonly late: boolean } | null;
  readonly decision: {
    readonly decisionId: string;
    readonly title: string;
    readonly callInStatus: string;
    readonly effectiveOn: string | null;
  } | null;
  readonly closedOn: string | null;
}

export interface RecommendationsTrackerPage {
  readonly committee: { readonly committeeId: string; readonly name: string };
  /** The UK date "response overdue" is judged on. */
  readonly asOf: string;
  /** One page, in the order made. */
  readonly rows: readonly TrackerRow[];
  /** Opaque: asks for the page after this one; null on the last page. */
  readonly nextCursor: string | null;
}

export interface TrackerCsv {
  readonly fileName: string;
  readonly csv: string;
}

export interface RecommendationPage {
  readonly recommendationId: string;
  readonly committee: { readonly committeeId: string; readonly name: string };
  readonly reference: string;
  readonly text: string;
  readonly decisionMaker: string;
  readonly madeOn: string;
  readonly source: {
    readonly resolutionId?: string | undefined;
    readonly partLabel?: string | undefined;
    readonly reportRef?: string | undefined;
  };
  readonly receivedOn?: string | undefined;
  readonly responseDueOn?: string | undefined;
  /** Where the response stands today: not-sent, awaiting-response, response-overdue or responded. */
  readonly responseStatus: { readonly on: string; readonly status: string; readonly daysOverdue?: number | undefined };
  readonly response?:
    | {
        readonly response: string;
        readonly reasons: string;
        readonly proposedAction?: string | undefined;
        readonly respondedOn: string;
        readonly late: boolean;
        readonly recordedOnBehalf: boolean;
      }
    | undefined;
  readonly publishedOn?: string | undefined;
  readonly lastReview?: { readonly rag: string; readonly evidence: string; readonly reviewedOn: string } | undefined;
  readonly closedOn?: string | undefined;
  /** The actions linked as implementing it, with their titles. */
  readonly implementationActions: readonly { readonly actionId: string; readonly title: string }[];
  readonly history: readonly ActionHistoryEntry[];
  readonly version: number;
  /** Whether the caller's roles let them record the response (the route's rule; the domain then asks for the post). */
  readonly mayRespond: boolean;
  /** Whether the caller's roles let them record a decision (the route's rule). */
  readonly mayRecordDecision: boolean;
  /** Whether the caller's roles let them take each later step (each route's rule); whether the state allows it is the page's. */
  readonly may: {
    readonly send: boolean;
    readonly publishResponse: boolean;
    readonly linkAction: boolean;
    readonly review: boolean;
    readonly close: boolean;
  };
}

/** A step in a recommendation's life after the response, as a form sends it (each the body of its API route). */
export type RecommendationStepInput =
  | { readonly kind: 'send'; readonly receivedOn: string }
  | { readonly kind: 'publish-response'; readonly publishedOn: string }
  | { readonly kind: 'link-action'; readonly actionId: string }
  | { readonly kind: 'review'; readonly rag: string; readonly evidence: string; readonly reviewedOn: string }
  | { readonly kind: 'close'; readonly agreedOn: string; readonly note?: string | undefined };

/** A step in a decision's life after it was recorded, besides call-in (each the body of its API route). */
export type DecisionStepInput =
  | { readonly kind: 'publish'; readonly publishedOn: string }
  | { readonly kind: 'conclude-call-in'; readonly outcome: string; readonly note?: string | undefined; readonly concludedOn: string }
  | {
      readonly kind: 'reconsider';
      readonly outcome: string;
      readonly decision?: string | undefined;
      readonly reasons: string;
      readonly decidedOn: string;
    };

export interface DecisionRegisterPage {
  /** One page, newest first. */
  readonly decisions: readonly RegisteredDecisionRow[];
  /** Opaque: asks for the page after this one; null on the last page. */
  readonly nextCursor: string | null;
}

export interface ResponseInput {
  readonly response: string;
  readonly reasons: string;
  readonly proposedAction?: string | undefined;
  readonly respondedOn: string;
}

export interface DecisionMakerInput {
  readonly kind: string;
  readonly name: string;
  readonly postId?: string | undefined;
}

export interface DecisionInput {
  readonly decisionMaker: DecisionMakerInput;
  readonly title: string;
  readonly decision: string;
  readonly decidedOn: string;
  readonly keyDecision: boolean;
  readonly reasons: string;
  readonly alternativesConsidered?: string | undefined;
  readonly recommendationIds: readonly string[];
  readonly reportRef?: string | undefined;
}

export interface RecommendationOption {
  readonly recommendationId: string;
  readonly committee: string;
  readonly reference: string;
  readonly text: string;
}

export interface RegisteredDecisionRow {
  readonly decisionId: string;
  readonly decisionMaker: string;
  readonly title: string;
  readonly decidedOn: string;
  readonly keyDecision: boolean;
  readonly publishedOn: string | null;
  readonly callInEndsOn: string | null;
  readonly callInStatus: string;
  readonly effectiveOn: string | null;
}

export interface DecisionPage {
  readonly decisionId: string;
  readonly decisionMaker: string;
  readonly title: string;
  readonly decision: string;
  readonly decidedOn: string;
  readonly keyDecision: boolean;
  readonly reasons: string;
  readonly alternativesConsidered?: string | undefined;
  readonly reportRef?: string | undefined;
  readonly recordedOnBehalf: boolean;
  readonly recommendations: readonly { readonly recommendationId: string; readonly reference: string; readonly text: string }[];
  readonly publication?: { readonly publishedOn: string; readonly callInEndsOn: string; readonly effectiveOn: string } | undefined;
  readonly callIn?:
    | {
        readonly members: readonly string[];
        readonly reasons: string;
        readonly requestedOn: string;
        readonly outcome?: string | undefined;
        readonly concludedOn?: string | undefined;
      }
    | undefined;
  readonly reconsideration?: { readonly outcome: string; readonly decidedOn: string } | undefined;
  /** Whether it may be implemented today, as the API says: its status and the date that goes with it. */
  readonly implementation: { readonly on: string; readonly status: string; readonly date?: string | undefined };
  readonly history: readonly ActionHistoryEntry[];
  readonly version: number;
  /** Whether the caller's roles let them request call-in (the route's rule). */
  readonly mayCallIn: boolean;
  /** Whether the caller's roles let them take each other step (each route's rule); whether the state allows it is the page's. */
  readonly may: { readonly publish: boolean; readonly concludeCallIn: boolean; readonly reconsider: boolean };
}

export interface CallInInput {
  readonly members: readonly string[];
  readonly reasons: string;
}

/**
 * The scrutiny cycle (issue 15): the recommendations tracker, a recommendation from sending to closure, the decision
 * register, recording a decision, its publication, call-in and what came of it.
 */
export interface ScrutinyCycleGateway {
  readonly cycleVocabulary: CycleVocabulary;
  recommendationsTracker(
    caller: ConsoleCaller,
    committeeId: string,
    filters: TrackerFilters,
    cursor?: string,
  ): Promise<FilteredRead<RecommendationsTrackerPage>>;
  recommendationsTrackerCsv(caller: ConsoleCaller, committeeId: string, filters: TrackerFilters): Promise<FilteredRead<TrackerCsv>>;
  recommendation(caller: ConsoleCaller, recommendationId: string): Promise<Read<RecommendationPage>>;
  recordResponse(caller: ConsoleCaller, recommendationId: string, input: ResponseInput, expectedVersion: number): Promise<CommandResult>;
  /** Sending, publishing the response, linking an action, a review or closure, behind its own route's rule. */
  recommendationStep(
    caller: ConsoleCaller,
    recommendationId: string,
    step: RecommendationStepInput,
    expectedVersion: number,
  ): Promise<CommandResult>;
  /** A page of the register: the first without a cursor; a cursor that is not one of ours is not found. */
  decisionRegister(caller: ConsoleCaller, cursor?: string): Promise<Read<DecisionRegisterPage>>;
  /** Whether the caller's roles let them record a decision (the route's rule; the domain then asks for the post). */
  mayRecordDecision(caller: ConsoleCaller): Promise<boolean>;
  /** The recommendations a decision may answer: the committee's, or every committee's without one. */
  recommendationOptions(caller: ConsoleCaller, committeeId?: string): Promise<Read<readonly RecommendationOption[]>>;
  decisionMakerPosts(caller: ConsoleCaller): Promise<Read<readonly PostOption[]>>;
  recordDecision(caller: ConsoleCaller, input: DecisionInput): Promise<CreateResult>;
  decision(caller: ConsoleCaller, decisionId: string): Promise<Read<DecisionPage>>;
  requestCallIn(caller: ConsoleCaller, decisionId: string, input: CallInInput, expectedVersion: number): Promise<CommandResult>;
  /** Publication, the call-in's outcome or the reconsideration, behind its own route's rule. */
  decisionStep(caller: ConsoleCaller, decisionId: string, step: DecisionStepInput, expectedVersion: number): Promise<CommandResult>;
}
