import type { ImplementationStatus } from '../executive-decision/decision.state.js';
import type { Lookup } from '../shared/lookup.js';
import type { NoticeKind, Rag } from './action.events.js';

/** What assigning needs to know about the originating resolution (a ResolutionState fits). */
export type ActionOriginFacts = {
  readonly meetingId: string;
  readonly committeeId: string;
  readonly meetingStartsAt: string;
  readonly parts: readonly { readonly label?: string }[];
};

/** What a due meeting must be checked against (a MeetingState fits). */
export type DueMeetingFacts = { readonly startsAt: string };

/**
 * Where the executive decision an action implements stands on the business date of the report: give it whenever
 * the action implements a decision (without it the decision counts as not yet effective).
 */
export type ImplementationFacts = { readonly implementation?: ImplementationStatus };

/** Give `dueMeeting` whenever `dueMeetingId` is set; without it the due meeting counts as unknown. */
export type DueFacts = { readonly dueMeeting?: Lookup<DueMeetingFacts> };

export type AssignAction = {
  readonly type: 'AssignAction';
  readonly data: {
    readonly actionId: string;
    readonly resolutionId: string;
    readonly partLabel?: string;
    readonly title: string;
    readonly description?: string;
    readonly ownerPostId: string;
    readonly dueDate?: string;
    readonly dueMeetingId?: string;
    /** Absent: at the resolution's meeting when that has begun, else now. */
    readonly occurredAt?: string;
    readonly now: string;
    readonly implementsDecisionId?: string;
    readonly facts: DueFacts & {
      readonly resolution: Lookup<ActionOriginFacts>;
      readonly ownerPost: Lookup;
      /** Give it whenever `implementsDecisionId` is set; without it the decision counts as unknown. */
      readonly implementedDecision?: Lookup;
    };
  };
};

export type ReportActionProgress = {
  readonly type: 'ReportActionProgress';
  readonly data: {
    readonly actionId: string;
    readonly note: string;
    readonly rag?: Rag;
    readonly reportedBy?: string;
    /** Sent by scrutiny or admin rather than the owning officer: only staff date business in the past. */
    readonly byStaff: boolean;
    readonly occurredAt?: string;
    readonly now: string;
    readonly facts: ImplementationFacts;
  };
};

export type CompleteAction = {
  readonly type: 'CompleteAction';
  readonly data: {
    readonly actionId: string;
    readonly outcome: string;
    readonly evidence?: string;
    /** Sent by scrutiny or admin rather than the owning officer: only staff date business in the past. */
    readonly byStaff: boolean;
    readonly occurredAt?: string;
    readonly now: string;
    readonly facts: ImplementationFacts;
  };
};

export type SignOffAction = {
  readonly type: 'SignOffAction';
  readonly data: {
    readonly actionId: string;
    readonly meetingId?: string;
    readonly note?: string;
    readonly occurredAt?: string;
    readonly now: string;
    /** Give `meeting` whenever `meetingId` is set; without it the meeting counts as unknown. */
    readonly facts: { readonly meeting?: Lookup };
  };
};

export type ReopenAction = {
  readonly type: 'ReopenAction';
  readonly data: { readonly actionId: string; readonly reason: string; readonly occurredAt?: string; readonly now: string };
};

export type ChangeActionDueDate = {
  readonly type: 'ChangeActionDueDate';
  readonly data: {
    readonly actionId: string;
    readonly dueDate?: string;
    readonly dueMeetingId?: string;
    readonly reason: string;
    readonly occurredAt?: string;
    readonly now: string;
    readonly facts: DueFacts;
  };
};

export type ReassignAction = {
  readonly type: 'ReassignAction';
  readonly data: {
    readonly actionId: string;
    readonly toPostId: string;
    readonly reason: string;
    readonly occurredAt?: string;
    readonly now: string;
    /** A PostState fits. */
    readonly facts: { readonly toPost: Lookup };
  };
};

export type ChaseAction = {
  readonly type: 'ChaseAction';
  readonly data: { readonly actionId: string; readonly note?: string; readonly occurredAt?: string; readonly now: string };
};

export type WithdrawAction = {
  readonly type: 'WithdrawAction';
  readonly data: { readonly actionId: string; readonly reason: string; readonly occurredAt?: string; readonly now: string };
};

/** Records an email the notices sender has handed to the mail server; a key already recorded is a no-op. */
export type RecordActionNotice = {
  readonly type: 'RecordActionNotice';
  readonly data: {
    readonly actionId: string;
    readonly key: string;
    readonly kind: NoticeKind;
    readonly recipientPersonId: string;
    readonly recipientPostId: string;
    readonly dueOn?: string;
    readonly noticeOn: string;
    readonly now: string;
  };
};

export type ActionCommand =
  | AssignAction
  | ReportActionProgress
  | CompleteAction
  | SignOffAction
  | ReopenAction
  | ChangeActionDueDate
  | ReassignAction
  | ChaseAction
  | WithdrawAction
  | RecordActionNotice;
