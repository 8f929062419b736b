import type { BankHolidayDivision } from '../calendar/bank-holidays.js';
import type { DecisionMaker } from '../recommendation/decision-maker.js';
import type { CallInOutcome, ReconsiderationOutcome } from './decision.events.js';

export type DecisionRecord = {
  readonly exists: true;
  readonly decisionId: string;
  readonly decisionMaker: DecisionMaker;
  readonly title: string;
  readonly decision: string;
  readonly decidedOn: string;
  readonly keyDecision: boolean;
  readonly reasons: string;
  readonly alternativesConsidered?: string;
  readonly recommendationIds: readonly string[];
  readonly reportRef?: string;
  /** Recorded by scrutiny staff for the decision maker rather than by the holder of its post. */
  readonly recordedOnBehalf: boolean;
  readonly publication?: {
    readonly publishedOn: string;
    readonly callInClearWorkingDays: number;
    readonly bankHolidays: BankHolidayDivision;
    readonly callInEndsOn: string;
    readonly effectiveOn: string;
  };
  readonly callIn?: {
    readonly members: readonly string[];
    readonly reasons: string;
    readonly requestedOn: string;
    readonly outcome?: CallInOutcome;
    readonly concludedOn?: string;
  };
  readonly reconsideration?: { readonly outcome: ReconsiderationOutcome; readonly decidedOn: string };
};

export type DecisionState = { readonly exists: false } | DecisionRecord;

export const initialDecisionState = (): DecisionState => ({ exists: false });

export type ImplementationStatus =
  | { readonly status: 'awaiting-publication' }
  | { readonly status: 'in-call-in-period'; readonly callInEndsOn: string; readonly effectiveOn: string }
  | { readonly status: 'called-in'; readonly requestedOn: string }
  | { readonly status: 'awaiting-reconsideration'; readonly outcome: CallInOutcome }
  | { readonly status: 'withdrawn'; readonly on: string }
  | { readonly status: 'effective'; readonly since: string };

/**
 * Whether a decision may be implemented on a UK date: not before publication and the end of its call-in period,
 * not while called in, not while referred back or to full council until reconsidered, never once withdrawn.
 * A call-in upheld lets it stand from the conclusion (or its own effective date, if later).
 */
export function implementationStatusOn(decision: DecisionRecord, date: string): ImplementationStatus {
  const published = decision.publication;
  if (!published || date < published.publishedOn) return { status: 'awaiting-publication' };
  const callIn = decision.callIn;
  if (callIn && callIn.requestedOn <= date) {
    if (!callIn.outcome || !callIn.concludedOn || date < callIn.concludedOn)
      return { status: 'called-in', requestedOn: callIn.requestedOn };
    if (callIn.outcome === 'upheld') {
      const since = callIn.concludedOn > published.effectiveOn ? callIn.concludedOn : published.effectiveOn;
      return date < since
        ? { status: 'in-call-in-period', callInEndsOn: published.callInEndsOn, effectiveOn: since }
        : { status: 'effective', since };
    }
    const reconsidered = decision.reconsideration;
    if (!reconsidered || date < reconsidered.decidedOn) return { status: 'awaiting-reconsideration', outcome: callIn.outcome };
    if (reconsidered.outcome === 'withdrawn') return { status: 'withdrawn', on: reconsidered.decidedOn };
    return { status: 'effective', since: reconsidered.decidedOn };
  }
  if (date < published.effectiveOn) {
    return { status: 'in-call-in-period', callInEndsOn: published.callInEndsOn, effectiveOn: published.effectiveOn };
  }
  return { status: 'effective', since: published.effectiveOn };
}
