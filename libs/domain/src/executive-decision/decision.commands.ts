import type { Lookup } from '../shared/lookup.js';
import type { BankHolidayDivision } from '../calendar/bank-holidays.js';
import type { DecisionMaker, DecisionMakerFacts } from '../recommendation/decision-maker.js';
import type { CallInOutcome, ReconsiderationOutcome } from './decision.events.js';

type Stamp = { readonly decisionId: string; readonly by: string; readonly now: string };

export type RecordDecision = {
  readonly type: 'RecordDecision';
  readonly data: Stamp & {
    readonly decisionMaker: DecisionMaker;
    readonly title: string;
    readonly decision: string;
    readonly decidedOn: string;
    readonly keyDecision: boolean;
    readonly reasons: string;
    readonly alternativesConsidered?: string;
    readonly recommendationIds: readonly string[];
    readonly reportRef?: string;
    readonly facts: DecisionMakerFacts & {
      /** The recommendations it answers that do not exist (looked up by the edge). */
      readonly unknownRecommendationIds: readonly string[];
      /** Given when the decision maker names a post. */
      readonly decisionMakerPost?: Lookup;
    };
  };
};

export type PublishDecision = {
  readonly type: 'PublishDecision';
  readonly data: Stamp & {
    readonly publishedOn: string;
    /** The council's settings (CALL_IN_CLEAR_WORKING_DAYS, BANK_HOLIDAY_DIVISION), passed in by the edge. */
    readonly callInClearWorkingDays: number;
    readonly bankHolidays: BankHolidayDivision;
  };
};

export type RequestCallIn = {
  readonly type: 'RequestCallIn';
  readonly data: Stamp & { readonly members: readonly string[]; readonly reasons: string };
};

export type ConcludeCallIn = {
  readonly type: 'ConcludeCallIn';
  readonly data: Stamp & { readonly outcome: CallInOutcome; readonly note?: string; readonly concludedOn: string };
};

export type ReconsiderDecision = {
  readonly type: 'ReconsiderDecision';
  readonly data: Stamp & {
    readonly outcome: ReconsiderationOutcome;
    readonly decision?: string;
    readonly reasons: string;
    readonly decidedOn: string;
    readonly facts: DecisionMakerFacts;
  };
};

export type DecisionCommand = RecordDecision | PublishDecision | RequestCallIn | ConcludeCallIn | ReconsiderDecision;
