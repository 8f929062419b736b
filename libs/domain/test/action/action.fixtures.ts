// Test fixtures shared by the action specs: the seed minutes' item 03 (ii), owned by the
// Project Manager, Transformation & Technology, due back at the February meeting.
import { found } from '../../src/shared/lookup.js';
import type { ActionOriginFacts, AssignAction } from '../../src/action/action.commands.js';
import type { ActionAssigned, ActionCompleted, ActionEvent, ActionSignedOff, ActionWithdrawn } from '../../src/action/action.events.js';

export const actionId = 'a-metrics';
export const meetingStartsAt = '2017-01-16T18:00:00Z';
/** When the clerk types the action in; business-wise it was set at the meeting. */
export const recordedAt = '2017-01-20T10:00:00Z';
export const later = '2017-02-10T10:00:00Z';

export const origin = found<ActionOriginFacts>({
  meetingId: 'm-jan',
  committeeId: 'c-tf',
  meetingStartsAt,
  parts: [{ label: '(i)' }, { label: '(ii)' }],
});

export const assign = (overrides: Partial<AssignAction['data']> = {}): AssignAction => ({
  type: 'AssignAction',
  data: {
    actionId,
    resolutionId: 'r-03',
    partLabel: '(ii)',
    title: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
    ownerPostId: 'post-pm-tt',
    dueDate: '2017-02-20',
    now: recordedAt,
    facts: { resolution: origin, ownerPost: found({}) },
    ...overrides,
  },
});

export const assigned: ActionAssigned = {
  type: 'ActionAssigned',
  data: {
    actionId,
    resolutionId: 'r-03',
    meetingId: 'm-jan',
    committeeId: 'c-tf',
    meetingStartsAt,
    partLabel: '(ii)',
    title: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
    ownerPostId: 'post-pm-tt',
    dueDate: '2017-02-20',
    assignedAt: meetingStartsAt,
  },
};

export const completed: ActionCompleted = {
  type: 'ActionCompleted',
  data: { actionId, outcome: 'Baseline metrics circulated', completedAt: later },
};

export const signedOff: ActionSignedOff = {
  type: 'ActionSignedOff',
  data: { actionId, meetingId: 'm-feb', signedOffAt: '2017-02-20T19:00:00Z' },
};

export const withdrawn: ActionWithdrawn = {
  type: 'ActionWithdrawn',
  data: { actionId, reason: 'Superseded by the final report', withdrawnAt: later },
};

/** The action's history at each status, to run lifecycle rules against. */
export const historyWhen = {
  open: [assigned],
  completed: [assigned, completed],
  closed: [assigned, completed, signedOff],
  withdrawn: [assigned, withdrawn],
} as const satisfies Record<string, readonly ActionEvent[]>;
