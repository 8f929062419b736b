import { conflict, invalid, notFound } from '../shared/errors.js';
import { exactlyOneGiven } from '../shared/rules.js';
import { dateOf, isEarlierDate, isLaterInstant } from '../shared/time.js';
import type { DueFacts } from './action.commands.js';
import type { ActionDue, ActionRecord, ActionState, ActionStatus } from './action.state.js';

export const existingAction = (state: ActionState, actionId: string): ActionRecord => {
  if (!state.exists) throw notFound('action-not-found', `Action ${actionId} does not exist`, { actionId });
  return state;
};

/** Progress, completion, chases, due changes and reassignment need an action still in play. */
export const activeAction = (state: ActionState, actionId: string): ActionRecord => {
  const action = existingAction(state, actionId);
  if (action.status === 'closed') {
    throw conflict('action-closed', `Action ${action.actionId} is closed`, { actionId, status: action.status });
  }
  if (action.status === 'withdrawn') {
    throw conflict('action-withdrawn', `Action ${action.actionId} is withdrawn`, { actionId, status: action.status });
  }
  return action;
};

export const requireStatus = (action: ActionRecord, allowed: readonly ActionStatus[], code: string, what: string): void => {
  if (!allowed.includes(action.status)) {
    throw conflict(code, `Action ${action.actionId} is ${action.status}; ${what}`, {
      actionId: action.actionId,
      status: action.status,
      allowed,
    });
  }
};

type DueInput = ActionDue & { readonly facts: DueFacts };

/**
 * An action cannot fall due before it was set: a due date may be the meeting's own day (an
 * action for that evening) but not earlier, and a due meeting must start after that meeting.
 */
export const checkDue = ({ dueDate, dueMeetingId, facts }: DueInput, meetingStartsAt: string): void => {
  if (!exactlyOneGiven(dueDate, dueMeetingId)) {
    throw invalid('due-exactly-one', 'Give exactly one of dueDate or dueMeetingId', { dueDate, dueMeetingId });
  }
  const meetingDate = dateOf(meetingStartsAt);
  if (dueDate !== undefined && isEarlierDate(dueDate, meetingDate)) {
    throw invalid('due-date-before-meeting', `Due date ${dueDate} is before the meeting of ${meetingDate}`, {
      field: 'dueDate',
      dueDate,
      meetingStartsAt,
    });
  }
  if (dueMeetingId === undefined) return;
  const dueMeeting = facts.dueMeeting;
  if (dueMeeting === undefined || !dueMeeting.exists) {
    throw notFound('due-meeting-not-found', `Meeting ${dueMeetingId} does not exist`, { dueMeetingId });
  }
  if (!isLaterInstant(dueMeeting.startsAt, meetingStartsAt)) {
    throw invalid('due-meeting-not-after-origin', 'The due meeting must come after the meeting that set the action', {
      field: 'dueMeetingId',
      dueMeetingId,
      dueMeetingStartsAt: dueMeeting.startsAt,
      meetingStartsAt,
    });
  }
};

export const ownerPostMustExist = (post: { readonly exists: boolean }, postId: string): void => {
  if (!post.exists) throw notFound('owner-post-not-found', `Post ${postId} does not exist`, { postId });
};
