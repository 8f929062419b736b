import type { Predecessor } from '../shared/business-time.js';
import type { ActionEvent, NoticeKind, Rag } from './action.events.js';

export const actionStatuses = ['open', 'completed', 'closed', 'withdrawn'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export type ActionDue = { readonly dueDate?: string; readonly dueMeetingId?: string };

export type ActionCounts = {
  readonly progressReports: number;
  readonly chases: number;
  readonly reopenings: number;
  readonly reassignments: number;
  readonly dueChanges: number;
};

export type LatestUpdate = { readonly note: string; readonly rag?: Rag; readonly reportedAt: string };

/** A notice recorded on the action: its key, and which milestone it was (whoever received it). */
export type SentNotice = {
  readonly key: string;
  readonly kind: NoticeKind;
  readonly dueOn?: string;
  readonly noticeOn: string;
};

export type ActionRecord = {
  readonly exists: true;
  readonly actionId: string;
  readonly resolutionId: string;
  readonly meetingId: string;
  readonly committeeId: string;
  readonly meetingStartsAt: string;
  readonly partLabel?: string;
  readonly title: string;
  readonly description?: string;
  readonly status: ActionStatus;
  readonly ownerPostId: string;
  readonly due: ActionDue;
  readonly rag?: Rag;
  readonly counts: ActionCounts;
  readonly assignedAt: string;
  readonly implementsDecisionId?: string;
  readonly latestUpdate?: LatestUpdate;
  readonly lastChasedAt?: string;
  readonly completedAt?: string;
  readonly closedAt?: string;
  readonly withdrawnAt?: string;
  /** Every notice emailed about the action, oldest first. */
  readonly notices: readonly SentNotice[];
  /** The business time of the action's latest event: a dated command may not go before it. */
  readonly lastOccurred: Predecessor;
};

export type ActionState = { readonly exists: false } | ActionRecord;

export const initialActionState = (): ActionState => ({ exists: false });

const noCounts: ActionCounts = { progressReports: 0, chases: 0, reopenings: 0, reassignments: 0, dueChanges: 0 };

const count = (state: ActionRecord, key: keyof ActionCounts, to = state.counts[key] + 1): ActionCounts => ({
  ...state.counts,
  [key]: to,
});

/** What each event is called where a later one is refused for going before it, and when it happened. */
export const occurrenceOf = (event: ActionEvent): Predecessor => {
  switch (event.type) {
    case 'ActionAssigned':
      return { what: 'the assignment', at: event.data.assignedAt };
    case 'ActionProgressReported':
      return { what: 'the progress report', at: event.data.reportedAt };
    case 'ActionCompleted':
      return { what: 'the completion', at: event.data.completedAt };
    case 'ActionSignedOff':
      return { what: 'the sign-off', at: event.data.signedOffAt };
    case 'ActionReopened':
      return { what: 'the reopening', at: event.data.reopenedAt };
    case 'ActionDueDateChanged':
      return { what: 'the due date change', at: event.data.changedAt };
    case 'ActionReassigned':
      return { what: 'the reassignment', at: event.data.reassignedAt };
    case 'ActionChased':
      return { what: 'the chase', at: event.data.chasedAt };
    case 'ActionWithdrawn':
      return { what: 'the withdrawal', at: event.data.withdrawnAt };
    case 'ActionNoticeSent':
      return { what: 'the notice', at: event.data.sentAt };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
};

export const evolveAction = (state: ActionState, event: ActionEvent): ActionState => {
  const evolved = evolveRecord(state, event);
  // A notice is the system's doing, dated now: it must not stop staff recording earlier business after it.
  if (event.type === 'ActionNoticeSent') return evolved;
  return evolved.exists ? { ...evolved, lastOccurred: occurrenceOf(event) } : evolved;
};

const evolveRecord = (state: ActionState, event: ActionEvent): ActionState => {
  if (event.type === 'ActionAssigned') {
    const { dueDate, dueMeetingId, ...assigned } = event.data;
    return {
      exists: true,
      ...assigned,
      status: 'open',
      due: { dueDate, dueMeetingId },
      counts: noCounts,
      notices: [],
      lastOccurred: occurrenceOf(event),
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'ActionProgressReported': {
      const { note, rag, reportedAt } = event.data;
      return {
        ...state,
        rag: rag ?? state.rag,
        latestUpdate: { note, rag, reportedAt },
        counts: count(state, 'progressReports'),
      };
    }
    case 'ActionCompleted':
      return { ...state, status: 'completed', completedAt: event.data.completedAt };
    case 'ActionSignedOff':
      return { ...state, status: 'closed', closedAt: event.data.signedOffAt };
    case 'ActionReopened': {
      const { completedAt: _completedAt, closedAt: _closedAt, ...reopened } = state;
      return { ...reopened, status: 'open', counts: count(state, 'reopenings') };
    }
    case 'ActionDueDateChanged': {
      const { dueDate, dueMeetingId } = event.data;
      return { ...state, due: { dueDate, dueMeetingId }, counts: count(state, 'dueChanges') };
    }
    case 'ActionReassigned':
      return { ...state, ownerPostId: event.data.toPostId, counts: count(state, 'reassignments') };
    case 'ActionChased':
      return {
        ...state,
        lastChasedAt: event.data.chasedAt,
        counts: count(state, 'chases', event.data.chaseNumber),
      };
    case 'ActionWithdrawn':
      return { ...state, status: 'withdrawn', withdrawnAt: event.data.withdrawnAt };
    case 'ActionNoticeSent': {
      const { key, kind, dueOn, noticeOn } = event.data;
      return { ...state, notices: [...state.notices, { key, kind, dueOn, noticeOn }] };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
