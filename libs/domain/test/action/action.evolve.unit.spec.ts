import { given } from '../support/given-when-then.js';
import { actionDecider } from '../../src/action/action.decider.js';
import type { ActionEvent } from '../../src/action/action.events.js';
import { actionId, assigned, completed, later, meetingStartsAt, signedOff, withdrawn } from './action.fixtures.js';

describe('action evolve', () => {
  it('starts as not existing and ignores events before assignment', () => {
    expect(given(actionDecider)([]).state()).toEqual({ exists: false });
    expect(given(actionDecider)([completed]).state()).toEqual({ exists: false });
  });

  it('folds an assignment into an open action', () => {
    expect(given(actionDecider)([assigned]).state()).toEqual({
      exists: true,
      actionId,
      resolutionId: 'r-03',
      meetingId: 'm-jan',
      committeeId: 'c-tf',
      meetingStartsAt,
      partLabel: '(ii)',
      title: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
      ownerPostId: 'post-pm-tt',
      status: 'open',
      due: { dueDate: '2017-02-20' },
      counts: { progressReports: 0, chases: 0, reopenings: 0, reassignments: 0, dueChanges: 0 },
      assignedAt: meetingStartsAt,
      notices: [],
      lastOccurred: { what: 'the assignment', at: meetingStartsAt },
    });
  });

  it('folds a whole life: progress, chases, reassignment, due change, completion, reopening, sign-off', () => {
    const history: ActionEvent[] = [
      assigned,
      {
        type: 'ActionProgressReported',
        data: { actionId, note: 'Started', rag: 'red', reportedAt: '2017-01-25T09:00:00Z' },
      },
      { type: 'ActionChased', data: { actionId, chasedAt: '2017-02-01T09:00:00Z', chaseNumber: 1 } },
      { type: 'ActionProgressReported', data: { actionId, note: 'HR extract in', reportedAt: '2017-02-02T09:00:00Z' } },
      {
        type: 'ActionReassigned',
        data: {
          actionId,
          fromPostId: 'post-pm-tt',
          toPostId: 'post-po-tt',
          reason: 'Leave',
          reassignedAt: '2017-02-03T09:00:00Z',
        },
      },
      {
        type: 'ActionDueDateChanged',
        data: { actionId, dueMeetingId: 'm-mar', reason: 'Delay', changedAt: '2017-02-04T09:00:00Z' },
      },
      completed,
      { type: 'ActionReopened', data: { actionId, reason: 'Wrong', reopenedAt: '2017-02-11T09:00:00Z' } },
      { type: 'ActionChased', data: { actionId, chasedAt: '2017-02-12T09:00:00Z', chaseNumber: 2 } },
      { ...completed, data: { ...completed.data, completedAt: '2017-02-15T09:00:00Z' } },
      signedOff,
    ];
    expect(given(actionDecider)(history).state()).toMatchObject({
      status: 'closed',
      ownerPostId: 'post-po-tt',
      due: { dueMeetingId: 'm-mar' },
      // a report without a RAG keeps the last one given
      rag: 'red',
      latestUpdate: { note: 'HR extract in', reportedAt: '2017-02-02T09:00:00Z' },
      lastChasedAt: '2017-02-12T09:00:00Z',
      completedAt: '2017-02-15T09:00:00Z',
      closedAt: '2017-02-20T19:00:00Z',
      counts: { progressReports: 2, chases: 2, reopenings: 1, reassignments: 1, dueChanges: 1 },
    });
  });

  it('folds a withdrawal', () => {
    expect(given(actionDecider)([assigned, withdrawn]).state()).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: later,
    });
  });
});
