import { businessTime } from '../shared/business-time.js';
import { conflict, invalid, notFound } from '../shared/errors.js';
import { requireText } from '../shared/rules.js';
import { isLaterInstant } from '../shared/time.js';
import type { AssignAction } from './action.commands.js';
import type { ActionEvent } from './action.events.js';
import { checkDue, ownerPostMustExist } from './action.guards.js';
import type { ActionState } from './action.state.js';

export const assignAction = ({ data }: AssignAction, state: ActionState): ActionEvent[] => {
  if (state.exists) {
    throw conflict('action-already-assigned', `Action ${state.actionId} is already assigned`, {
      actionId: state.actionId,
    });
  }
  requireText(data.title, 'title');
  const origin = data.facts.resolution;
  if (!origin.exists) {
    throw notFound('resolution-not-found', `Resolution ${data.resolutionId} does not exist`, {
      resolutionId: data.resolutionId,
    });
  }
  if (data.partLabel !== undefined && !origin.parts.some((part) => part.label === data.partLabel)) {
    throw invalid('resolution-part-unknown', `Resolution ${data.resolutionId} has no part ${data.partLabel}`, {
      field: 'partLabel',
      partLabel: data.partLabel,
      labels: origin.parts.flatMap((part) => (part.label === undefined ? [] : [part.label])),
    });
  }
  checkDue(data, origin.meetingStartsAt);
  ownerPostMustExist(data.facts.ownerPost, data.ownerPostId);
  const decisionId = data.implementsDecisionId;
  if (decisionId !== undefined && data.facts.implementedDecision?.exists !== true) {
    throw notFound('decision-not-found', `Decision ${decisionId} does not exist`, { decisionId });
  }
  // Actions arise at the meeting: one recorded after it was held is assigned then, business-wise, so it does not
  // start life thousands of days overdue.
  const meetingHeld = !isLaterInstant(origin.meetingStartsAt, data.now);
  const assignedAt =
    data.occurredAt === undefined && meetingHeld
      ? origin.meetingStartsAt
      : businessTime({
          occurredAt: data.occurredAt,
          now: data.now,
          byStaff: true,
          follows: { what: 'the meeting', at: origin.meetingStartsAt },
        });
  return [
    {
      type: 'ActionAssigned',
      data: {
        actionId: data.actionId,
        resolutionId: data.resolutionId,
        meetingId: origin.meetingId,
        committeeId: origin.committeeId,
        meetingStartsAt: origin.meetingStartsAt,
        partLabel: data.partLabel,
        title: data.title,
        description: data.description,
        ownerPostId: data.ownerPostId,
        dueDate: data.dueDate,
        dueMeetingId: data.dueMeetingId,
        assignedAt,
        ...(decisionId !== undefined ? { implementsDecisionId: decisionId } : {}),
      },
    },
  ];
};
