import { fromCalendarDate } from '../calendar/calendar-date.js';
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

export type ResponseStatus =
  | { readonly status: 'not-sent' }
  | { readonly status: 'awaiting-response'; readonly responseDueOn: string }
  | { readonly status: 'response-overdue'; readonly responseDueOn: string; readonly daysOverdue: number }
  | { readonly status: 'responded'; readonly respondedOn: string; readonly late: boolean };

/** Where the executive's response stands on a UK date: overdue from the day after the s.9FE period's last day. */
export function responseStatusOn(record: RecommendationRecord, date: string): ResponseStatus {
  if (record.response) return { status: 'responded', respondedOn: record.response.respondedOn, late: record.response.late };
  if (!record.sent) return { status: 'not-sent' };
  const { responseDueOn } = record.sent;
  if (date <= responseDueOn) return { status: 'awaiting-response', responseDueOn };
  const daysOverdue = Math.round((fromCalendarDate(date).getTime() - fromCalendarDate(responseDueOn).getTime()) / 86_400_000);
  return { status: 'response-overdue', responseDueOn, daysOverdue };
}
