import { addDays, weekdayOf } from '../calendar/calendar-date.js';
import type { NoticeKind } from './action.events.js';
import type { ActionState } from './action.state.js';

/** When notices fall due, in days relative to the action's due date; the council's defaults and the committee's escalation. */
export type NoticePolicy = {
  /** Reminders this many days before the due date (0: on the due date). */
  readonly reminderDaysBefore: readonly number[];
  /** Overdue notices this many days after the due date. */
  readonly overdueDaysAfter: readonly number[];
  /** The committee's escalation, when it has one. */
  readonly escalation?: { readonly postId: string; readonly afterDays: number };
};

/** A notice due to be sent: to the holder of the owning post, or to the holder of the escalation post. */
export type NoticeDue = {
  readonly kind: Exclude<NoticeKind, 'chase'>;
  readonly to: 'owner' | 'escalation';
  readonly dueOn: string;
  /** The UK date the notice fell due. */
  readonly noticeOn: string;
};

type Milestone = Omit<NoticeDue, 'to'>;

const sameMilestone = (a: Milestone) => (b: { readonly kind: string; readonly dueOn?: string; readonly noticeOn: string }) =>
  a.kind === b.kind && a.dueOn === b.dueOn && a.noticeOn === b.noticeOn;

/**
 * The time-based notices due for an action on a UK date. Only an open action with a due date gets any. Of the
 * owner's reminders and overdue notices only the latest that has fallen due counts, so a day missed (the
 * sender down) sends one notice that is still true rather than a late "due in 7 days"; a milestone already
 * recorded on the action, whoever received it, is not due again, so a new holder gets the next one, not a repeat.
 * `dueOn` is the action's due date, or the date of the meeting it is due at.
 */
export function noticesDueOn(action: ActionState, dueOn: string | undefined, today: string, policy: NoticePolicy): NoticeDue[] {
  if (!action.exists || action.status !== 'open' || dueOn === undefined) return [];
  const sent = action.notices;
  const ownerMilestones: Milestone[] = [
    ...policy.reminderDaysBefore.map((days): Milestone => ({ kind: 'reminder', dueOn, noticeOn: addDays(dueOn, -days) })),
    ...policy.overdueDaysAfter.map((days): Milestone => ({ kind: 'overdue', dueOn, noticeOn: addDays(dueOn, days) })),
  ];
  const latest = ownerMilestones
    .filter((milestone) => milestone.noticeOn <= today)
    .sort((a, b) => a.noticeOn.localeCompare(b.noticeOn))
    .at(-1);
  const due: NoticeDue[] = latest && !sent.some(sameMilestone(latest)) ? [{ ...latest, to: 'owner' }] : [];
  if (policy.escalation) {
    const escalation: Milestone = { kind: 'escalation', dueOn, noticeOn: addDays(dueOn, policy.escalation.afterDays) };
    if (escalation.noticeOn <= today && !sent.some(sameMilestone(escalation))) due.push({ ...escalation, to: 'escalation' });
  }
  return due;
}

export type NoticeIdentity = {
  readonly actionId: string;
  readonly kind: NoticeKind;
  readonly dueOn?: string;
  readonly noticeOn: string;
  /** For a chase: which chase, so two chases on one day are two notices. */
  readonly chaseNumber?: number;
  readonly recipientPersonId: string;
};

/** The deterministic key of a notice: the same notice to the same person always has the same key. */
export function noticeKeyOf(notice: NoticeIdentity): string {
  const occasion = notice.kind === 'chase' ? `chase-${notice.chaseNumber ?? 0}` : notice.noticeOn;
  return [notice.actionId, notice.kind, notice.dueOn ?? 'no-date', occasion, notice.recipientPersonId].join('/');
}

/** The Monday of a UK date's week: an officer's weekly digest is one per week, sent on the first pass from Monday. */
export function digestWeekOf(today: string): string {
  return addDays(today, -((weekdayOf(today) + 6) % 7));
}

/** An open action is overdue in a digest from the day after its due date. */
export const isOverdueOn = (dueOn: string | undefined, today: string): boolean => dueOn !== undefined && dueOn < today;

/** How far ahead a weekly digest looks for executive responses coming due: four weeks, so each shows in four digests. */
export const RESPONSE_DIGEST_DAYS_AHEAD = 28;

/** The last s.9FE due date a digest on this UK date names: responses due by then, and any overdue, are listed. */
export const responsesInDigestDueBy = (today: string): string => addDays(today, RESPONSE_DIGEST_DAYS_AHEAD);
