import type { BankHolidayDivision } from '../calendar/bank-holidays.js';
import type { DecisionMaker } from '../recommendation/decision-maker.js';

export const callInOutcomes = ['upheld', 'referred-back', 'referred-to-council'] as const;
export type CallInOutcome = (typeof callInOutcomes)[number];

export const reconsiderationOutcomes = ['confirmed', 'amended', 'withdrawn'] as const;
export type ReconsiderationOutcome = (typeof reconsiderationOutcomes)[number];

export type DecisionRecorded = {
  readonly type: 'DecisionRecorded';
  readonly data: {
    readonly decisionId: string;
    readonly decisionMaker: DecisionMaker;
    readonly title: string;
    readonly decision: string;
    readonly decidedOn: string;
    readonly keyDecision: boolean;
    readonly reasons: string;
    readonly alternativesConsidered?: string;
    /** The recommendations it answers, and the report it was taken on (e.g. "Report CS14078"). */
    readonly recommendationIds: readonly string[];
    readonly reportRef?: string;
    readonly recordedBy: string;
    readonly recordedOnBehalf: boolean;
  };
};

export type DecisionPublished = {
  readonly type: 'DecisionPublished';
  readonly data: {
    readonly decisionId: string;
    readonly publishedOn: string;
    /** The council's rule at publication, kept so the period can be explained later. */
    readonly callInClearWorkingDays: number;
    readonly bankHolidays: BankHolidayDivision;
    readonly callInEndsOn: string;
    readonly effectiveOn: string;
    readonly publishedBy: string;
  };
};

export type CallInRequested = {
  readonly type: 'CallInRequested';
  readonly data: {
    readonly decisionId: string;
    readonly requestedBy: string;
    /** The members who signed the request, as the call-in form names them. */
    readonly members: readonly string[];
    readonly reasons: string;
    readonly requestedOn: string;
  };
};

export type CallInConcluded = {
  readonly type: 'CallInConcluded';
  readonly data: {
    readonly decisionId: string;
    readonly outcome: CallInOutcome;
    readonly note?: string;
    readonly concludedOn: string;
    readonly concludedBy: string;
  };
};

export type DecisionReconsidered = {
  readonly type: 'DecisionReconsidered';
  readonly data: {
    readonly decisionId: string;
    readonly outcome: ReconsiderationOutcome;
    readonly decision?: string;
    readonly reasons: string;
    readonly decidedOn: string;
    readonly recordedBy: string;
  };
};

export type DecisionEvent = DecisionRecorded | DecisionPublished | CallInRequested | CallInConcluded | DecisionReconsidered;

export const decisionEventTypes = [
  'DecisionRecorded',
  'DecisionPublished',
  'CallInRequested',
  'CallInConcluded',
  'DecisionReconsidered',
] as const satisfies readonly DecisionEvent['type'][];

export const isDecisionEvent = (event: { readonly type: string }): event is DecisionEvent =>
  (decisionEventTypes as readonly string[]).includes(event.type);
