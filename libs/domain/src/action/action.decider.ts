import type { Decider } from '../shared/decider.js';
import { conflict, invalid, notFound, unknownCommand } from '../shared/errors.js';
import { businessTime } from '../shared/business-time.js';
import { requireText } from '../shared/rules.js';
import { assignAction } from './action.assign.js';
import type {
  ActionCommand,
  ChangeActionDueDate,
  ChaseAction,
  CompleteAction,
  ImplementationFacts,
  ReassignAction,
  RecordActionNotice,
  ReopenAction,
  ReportActionProgress,
  SignOffAction,
  WithdrawAction,
} from './action.commands.js';
import { noticeKinds, ragStatuses, type ActionEvent } from './action.events.js';
import { activeAction, checkDue, existingAction, ownerPostMustExist, requireStatus } from './action.guards.js';
import { evolveAction, initialActionState, type ActionRecord, type ActionState } from './action.state.js';

type DatedData = { readonly occurredAt?: string | undefined; readonly now: string; readonly byStaff?: boolean };

/** When the event happened: as given (staff only, for commands that do not say otherwise), never before the last. */
const dated = ({ occurredAt, now, byStaff = true }: DatedData, action: ActionRecord): string =>
  businessTime({ occurredAt, now, byStaff, follows: action.lastOccurred });

/** Work on an action implementing an executive decision waits for the decision to be effective (after call-in). */
function requireDecisionInForce(action: ActionRecord, { implementation }: ImplementationFacts): void {
  const decisionId = action.implementsDecisionId;
  if (decisionId === undefined || implementation?.status === 'effective') return;
  throw conflict(
    'decision-not-effective',
    `Action ${action.actionId} implements decision ${decisionId}, which may not be implemented yet (${implementation?.status ?? 'unknown'})`,
    { decisionId, implementation: implementation ?? { status: 'unknown' } },
  );
}

const reportProgress = ({ data }: ReportActionProgress, state: ActionState): ActionEvent[] => {
  const action = activeAction(state, data.actionId);
  requireDecisionInForce(action, data.facts);
  requireText(data.note, 'note');
  if (data.rag !== undefined && !(ragStatuses as readonly string[]).includes(data.rag)) {
    throw invalid('rag-unknown', `Unknown RAG status ${String(data.rag)}`, { field: 'rag', allowed: ragStatuses });
  }
  const { note, rag, reportedBy } = data;
  const reportedAt = dated(data, action);
  return [{ type: 'ActionProgressReported', data: { actionId: action.actionId, note, rag, reportedAt, reportedBy } }];
};

const complete = ({ data }: CompleteAction, state: ActionState): ActionEvent[] => {
  const action = activeAction(state, data.actionId);
  requireStatus(action, ['open'], 'action-not-open', 'only an open action can be completed');
  requireDecisionInForce(action, data.facts);
  requireText(data.outcome, 'outcome');
  const { outcome, evidence } = data;
  return [{ type: 'ActionCompleted', data: { actionId: action.actionId, outcome, evidence, completedAt: dated(data, action) } }];
};

const signOff = ({ data }: SignOffAction, state: ActionState): ActionEvent[] => {
  const action = existingAction(state, data.actionId);
  requireStatus(action, ['completed'], 'action-not-completed', 'only a completed action can be signed off');
  if (data.meetingId !== undefined && data.facts.meeting?.exists !== true) {
    throw notFound('sign-off-meeting-not-found', `Meeting ${data.meetingId} does not exist`, {
      meetingId: data.meetingId,
    });
  }
  const { meetingId, note } = data;
  return [{ type: 'ActionSignedOff', data: { actionId: action.actionId, meetingId, note, signedOffAt: dated(data, action) } }];
};

const reopen = ({ data }: ReopenAction, state: ActionState): ActionEvent[] => {
  const action = existingAction(state, data.actionId);
  requireStatus(action, ['completed', 'closed'], 'action-not-reopenable', 'only a completed or closed action reopens');
  requireText(data.reason, 'reason');
  return [{ type: 'ActionReopened', data: { actionId: action.actionId, reason: data.reason, reopenedAt: dated(data, action) } }];
};

const changeDue = ({ data }: ChangeActionDueDate, state: ActionState): ActionEvent[] => {
  const action = activeAction(state, data.actionId);
  requireText(data.reason, 'reason');
  checkDue(data, action.meetingStartsAt);
  if (data.dueDate === action.due.dueDate && data.dueMeetingId === action.due.dueMeetingId) {
    throw conflict('due-unchanged', 'The action is already due then', { actionId: action.actionId, ...action.due });
  }
  const { dueDate, dueMeetingId, reason } = data;
  return [
    {
      type: 'ActionDueDateChanged',
      data: { actionId: action.actionId, dueDate, dueMeetingId, reason, changedAt: dated(data, action) },
    },
  ];
};

const reassign = ({ data }: ReassignAction, state: ActionState): ActionEvent[] => {
  const action = activeAction(state, data.actionId);
  requireText(data.reason, 'reason');
  if (data.toPostId === action.ownerPostId) {
    throw conflict('reassignment-same-post', `Action ${action.actionId} is already owned by post ${data.toPostId}`, {
      actionId: action.actionId,
      ownerPostId: action.ownerPostId,
    });
  }
  ownerPostMustExist(data.facts.toPost, data.toPostId);
  const { toPostId, reason } = data;
  return [
    {
      type: 'ActionReassigned',
      data: { actionId: action.actionId, fromPostId: action.ownerPostId, toPostId, reason, reassignedAt: dated(data, action) },
    },
  ];
};

const chase = ({ data }: ChaseAction, state: ActionState): ActionEvent[] => {
  const action = activeAction(state, data.actionId);
  const chaseNumber = action.counts.chases + 1;
  return [{ type: 'ActionChased', data: { actionId: action.actionId, note: data.note, chasedAt: dated(data, action), chaseNumber } }];
};

const withdraw = ({ data }: WithdrawAction, state: ActionState): ActionEvent[] => {
  const action = existingAction(state, data.actionId);
  requireStatus(action, ['open', 'completed'], 'action-not-withdrawable', 'only an open or completed action withdraws');
  requireText(data.reason, 'reason');
  return [{ type: 'ActionWithdrawn', data: { actionId: action.actionId, reason: data.reason, withdrawnAt: dated(data, action) } }];
};

/**
 * Whatever the action's status: the email has gone, and the record must say so. A key already recorded is an
 * idempotent no-op (a sender that crashed after sending and before recording sends and records again).
 */
const recordNotice = ({ data }: RecordActionNotice, state: ActionState): ActionEvent[] => {
  const action = existingAction(state, data.actionId);
  if (action.notices.some((notice) => notice.key === data.key)) return [];
  requireText(data.key, 'key');
  if (!(noticeKinds as readonly string[]).includes(data.kind)) {
    throw invalid('notice-kind-unknown', `Unknown notice kind ${String(data.kind)}`, { field: 'kind', allowed: noticeKinds });
  }
  const { key, kind, recipientPersonId, recipientPostId, dueOn, noticeOn } = data;
  return [
    {
      type: 'ActionNoticeSent',
      data: { actionId: action.actionId, key, kind, recipientPersonId, recipientPostId, dueOn, noticeOn, sentAt: data.now },
    },
  ];
};

export const decideAction = (command: ActionCommand, state: ActionState): ActionEvent[] => {
  switch (command.type) {
    case 'AssignAction':
      return assignAction(command, state);
    case 'ReportActionProgress':
      return reportProgress(command, state);
    case 'CompleteAction':
      return complete(command, state);
    case 'SignOffAction':
      return signOff(command, state);
    case 'ReopenAction':
      return reopen(command, state);
    case 'ChangeActionDueDate':
      return changeDue(command, state);
    case 'ReassignAction':
      return reassign(command, state);
    case 'ChaseAction':
      return chase(command, state);
    case 'WithdrawAction':
      return withdraw(command, state);
    case 'RecordActionNotice':
      return recordNotice(command, state);
    default: {
      const _exhaustive: never = command;
      return unknownCommand(command);
    }
  }
};

export const actionDecider: Decider<ActionCommand, ActionEvent, ActionState> = {
  decide: decideAction,
  evolve: evolveAction,
  initialState: initialActionState,
};
