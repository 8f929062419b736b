import type { CommandRefusals } from '../shared/refusals.js';
import type { ActionCommand } from './action.commands.js';

/** Every refusal the action decider can answer each command with; refusals.unit.spec reads the decider to keep it so. */
export const actionRefusals = {
  AssignAction: {
    conflict: ['action-already-assigned'],
    invalid: [
      'resolution-part-unknown',
      'title-required',
      'due-exactly-one',
      'due-date-before-meeting',
      'due-meeting-not-after-origin',
      'occurred-at-invalid',
      'occurred-at-in-future',
      'occurred-at-before-predecessor',
    ],
    'not-found': ['resolution-not-found', 'decision-not-found', 'due-meeting-not-found', 'owner-post-not-found'],
    forbidden: ['occurred-at-past-by-officer'],
  },
  ReportActionProgress: {
    conflict: ['action-closed', 'action-withdrawn', 'decision-not-effective'],
    invalid: ['rag-unknown', 'note-required', 'occurred-at-invalid', 'occurred-at-in-future', 'occurred-at-before-predecessor'],
    'not-found': ['action-not-found'],
    forbidden: ['occurred-at-past-by-officer'],
  },
  CompleteAction: {
    conflict: ['action-closed', 'action-withdrawn', 'action-not-open', 'decision-not-effective'],
    invalid: ['outcome-required', 'occurred-at-invalid', 'occurred-at-in-future', 'occurred-at-before-predecessor'],
    'not-found': ['action-not-found'],
    forbidden: ['occurred-at-past-by-officer'],
  },
  SignOffAction: {
    conflict: ['action-not-completed'],
    invalid: ['occurred-at-invalid', 'occurred-at-in-future', 'occurred-at-before-predecessor'],
    'not-found': ['sign-off-meeting-not-found', 'action-not-found'],
    forbidden: ['occurred-at-past-by-officer'],
  },
  ReopenAction: {
    conflict: ['action-not-reopenable'],
    invalid: ['reason-required', 'occurred-at-invalid', 'occurred-at-in-future', 'occurred-at-before-predecessor'],
    'not-found': ['action-not-found'],
    forbidden: ['occurred-at-past-by-officer'],
  },
  ChangeActionDueDate: {
    conflict: ['due-unchanged', 'action-closed', 'action-withdrawn'],
    invalid: [
      'reason-required',
      'due-exactly-one',
      'due-date-before-meeting',
      'due-meeting-not-after-origin',
      'occurred-at-invalid',
      'occurred-at-in-future',
      'occurred-at-before-predecessor',
    ],
    'not-found': ['action-not-found', 'due-meeting-not-found'],
    forbidden: ['occurred-at-past-by-officer'],
  },
  ReassignAction: {
    conflict: ['reassignment-same-post', 'action-closed', 'action-withdrawn'],
    invalid: ['reason-required', 'occurred-at-invalid', 'occurred-at-in-future', 'occurred-at-before-predecessor'],
    'not-found': ['action-not-found', 'owner-post-not-found'],
    forbidden: ['occurred-at-past-by-officer'],
  },
  ChaseAction: {
    conflict: ['action-closed', 'action-withdrawn'],
    invalid: ['occurred-at-invalid', 'occurred-at-in-future', 'occurred-at-before-predecessor'],
    'not-found': ['action-not-found'],
    forbidden: ['occurred-at-past-by-officer'],
  },
  WithdrawAction: {
    conflict: ['action-not-withdrawable'],
    invalid: ['reason-required', 'occurred-at-invalid', 'occurred-at-in-future', 'occurred-at-before-predecessor'],
    'not-found': ['action-not-found'],
    forbidden: ['occurred-at-past-by-officer'],
  },
  RecordActionNotice: { invalid: ['notice-kind-unknown', 'key-required'], 'not-found': ['action-not-found'] },
} as const satisfies CommandRefusals<ActionCommand['type']>;
