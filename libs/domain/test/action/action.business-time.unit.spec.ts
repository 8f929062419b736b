import { found } from '../../src/shared/lookup.js';
import { given } from '../support/given-when-then.js';
import type { ActionCommand } from '../../src/action/action.commands.js';
import { actionDecider } from '../../src/action/action.decider.js';
import type { ActionEvent } from '../../src/action/action.events.js';
import { ukStartOfDay } from '../../src/shared/time.js';
import { actionId, assign, assigned, completed, meetingStartsAt, origin, recordedAt } from './action.fixtures.js';

// Past business typed in long after it happened: the clerk records on 5 December 2026.
const now = '2026-12-05T09:00:00.000Z';

const progress = (occurredAt: string | undefined, byStaff: boolean): ActionCommand => ({
  type: 'ReportActionProgress',
  data: { actionId, note: 'HR extract received', reportedBy: 'tony', byStaff, occurredAt, now, facts: {} },
});
const complete = (occurredAt: string | undefined, byStaff = true): ActionCommand => ({
  type: 'CompleteAction',
  data: { actionId, outcome: 'Baseline metrics circulated', byStaff, occurredAt, now, facts: {} },
});
const signOff = (occurredAt?: string): ActionCommand => ({
  type: 'SignOffAction',
  data: { actionId, note: 'Signed off by the group', occurredAt, now, facts: {} },
});
const chase = (occurredAt?: string): ActionCommand => ({ type: 'ChaseAction', data: { actionId, occurredAt, now } });
const withdraw = (occurredAt?: string): ActionCommand => ({
  type: 'WithdrawAction',
  data: { actionId, reason: 'Superseded', occurredAt, now },
});

const progressOn = (reportedAt: string): ActionEvent => ({
  type: 'ActionProgressReported',
  data: { actionId, note: 'HR extract received', reportedBy: 'tony', reportedAt },
});

describe('business time: when the council says it happened, beside when it was recorded', () => {
  describe('staff recording past business', () => {
    it('date progress in the past, as an instant', () => {
      given(actionDecider)([assigned])
        .when(progress('2017-02-10T10:00:00Z', true))
        .then([progressOn('2017-02-10T10:00:00.000Z')]);
    });

    it('date completion by a UK day, taken as the start of that day (midnight GMT in winter)', () => {
      given(actionDecider)([assigned])
        .when(complete('2017-02-20'))
        .then([{ ...completed, data: { ...completed.data, completedAt: '2017-02-20T00:00:00.000Z' } }]);
    });

    it('date a sign-off in the past', () => {
      given(actionDecider)([assigned, completed])
        .when(signOff('2017-03-20T19:00:00Z'))
        .then([{ type: 'ActionSignedOff', data: { actionId, note: 'Signed off by the group', signedOffAt: '2017-03-20T19:00:00.000Z' } }]);
    });

    it('date a chase and a withdrawal in the past', () => {
      given(actionDecider)([assigned])
        .when(chase('2017-02-01'))
        .then([{ type: 'ActionChased', data: { actionId, chasedAt: '2017-02-01T00:00:00.000Z', chaseNumber: 1 } }]);
      given(actionDecider)([assigned])
        .when(withdraw('2017-02-01'))
        .then([{ type: 'ActionWithdrawn', data: { actionId, reason: 'Superseded', withdrawnAt: '2017-02-01T00:00:00.000Z' } }]);
    });

    it('date a reopening, a due date change and a reassignment in the past', () => {
      const signedOff: ActionEvent = { type: 'ActionSignedOff', data: { actionId, signedOffAt: '2017-02-20T19:00:00Z' } };
      given(actionDecider)([assigned, completed, signedOff])
        .when({ type: 'ReopenAction', data: { actionId, reason: 'Figures disputed', occurredAt: '2017-02-27', now } })
        .then([{ type: 'ActionReopened', data: { actionId, reason: 'Figures disputed', reopenedAt: '2017-02-27T00:00:00.000Z' } }]);
      given(actionDecider)([assigned])
        .when({
          type: 'ChangeActionDueDate',
          data: { actionId, dueDate: '2017-03-20', reason: 'HR extract late', occurredAt: '2017-02-14', now, facts: {} },
        })
        .then([
          {
            type: 'ActionDueDateChanged',
            data: { actionId, dueDate: '2017-03-20', reason: 'HR extract late', changedAt: '2017-02-14T00:00:00.000Z' },
          },
        ]);
      given(actionDecider)([assigned])
        .when({
          type: 'ReassignAction',
          data: { actionId, toPostId: 'post-po-tt', reason: 'On leave', occurredAt: '2017-02-01', now, facts: { toPost: found({}) } },
        })
        .then([
          {
            type: 'ActionReassigned',
            data: {
              actionId,
              fromPostId: 'post-pm-tt',
              toPostId: 'post-po-tt',
              reason: 'On leave',
              reassignedAt: '2017-02-01T00:00:00.000Z',
            },
          },
        ]);
    });

    it('without occurredAt, the event happened now', () => {
      given(actionDecider)([assigned])
        .when(progress(undefined, true))
        .then([progressOn(now)]);
    });
  });

  describe('officers report as of now', () => {
    it('an officer giving a past date is refused (forbidden)', () => {
      const refusal = given(actionDecider)([assigned])
        .when(progress('2017-02-10', false))
        .thenThrows('occurred-at-past-by-officer', 'forbidden');
      expect(refusal.details).toMatchObject({ field: 'occurredAt' });
      given(actionDecider)([assigned]).when(complete('2017-02-20', false)).thenThrows('occurred-at-past-by-officer', 'forbidden');
    });

    it("an officer giving today's date reports as of now", () => {
      given(actionDecider)([assigned])
        .when(progress('2026-12-05', false))
        .then([progressOn(now)]);
    });
  });

  describe('refused dates', () => {
    it('a date in the future is invalid, for staff and officers alike', () => {
      given(actionDecider)([assigned]).when(progress('2026-12-06', true)).thenThrows('occurred-at-in-future', 'invalid');
      given(actionDecider)([assigned]).when(progress('2027-01-01T00:00:00Z', false)).thenThrows('occurred-at-in-future', 'invalid');
    });

    it('progress dated before the assignment is invalid, naming both dates', () => {
      const refusal = given(actionDecider)([assigned])
        .when(progress('2017-01-10', true))
        .thenThrows('occurred-at-before-predecessor', 'invalid');
      expect(refusal.message).toBe('occurredAt 2017-01-10 is before the assignment on 2017-01-16');
      expect(refusal.details).toEqual({
        field: 'occurredAt',
        occurredAt: '2017-01-10',
        follows: 'the assignment',
        followsAt: meetingStartsAt,
      });
    });

    it('a sign-off dated before the completion it follows is invalid', () => {
      const refusal = given(actionDecider)([assigned, completed])
        .when(signOff('2017-02-01'))
        .thenThrows('occurred-at-before-predecessor', 'invalid');
      expect(refusal.message).toBe('occurredAt 2017-02-01 is before the completion on 2017-02-10');
    });

    it('on the same day, the message names the instants', () => {
      const refusal = given(actionDecider)([assigned, progressOn('2017-02-10T15:00:00Z')])
        .when(complete('2017-02-10T09:00:00Z'))
        .thenThrows('occurred-at-before-predecessor', 'invalid');
      expect(refusal.message).toBe('occurredAt 2017-02-10T09:00:00.000Z is before the progress report on 2017-02-10T15:00:00.000Z');
    });
  });

  describe('assignment', () => {
    it('an action recorded after its meeting was held is assigned at the meeting', () => {
      given(actionDecider)([]).when(assign()).then([assigned]);
    });

    it('an action on a meeting still to come is assigned now', () => {
      const tomorrow = found({ ...origin, meetingStartsAt: '2017-01-21T18:00:00Z' });
      const [event] = actionDecider.decide(assign({ facts: { resolution: tomorrow, ownerPost: found({}) } }), { exists: false });
      expect(event).toMatchObject({ type: 'ActionAssigned', data: { assignedAt: recordedAt } });
    });

    it('may be dated after the meeting, but not before it', () => {
      const [event] = actionDecider.decide(assign({ occurredAt: '2017-01-18' }), { exists: false });
      expect(event).toMatchObject({ data: { assignedAt: '2017-01-18T00:00:00.000Z' } });
      const refusal = given(actionDecider)([])
        .when(assign({ occurredAt: '2017-01-15' }))
        .thenThrows('occurred-at-before-predecessor', 'invalid');
      expect(refusal.message).toBe('occurredAt 2017-01-15 is before the meeting on 2017-01-16');
    });
  });
});

describe('ukStartOfDay', () => {
  it.each([
    ['2017-01-16', '2017-01-16T00:00:00.000Z'],
    ['2017-07-01', '2017-06-30T23:00:00.000Z'],
    // The clocks go forward at 01:00 GMT on 26 March 2017 and back at 01:00 GMT on 29 October 2017.
    ['2017-03-26', '2017-03-26T00:00:00.000Z'],
    ['2017-10-29', '2017-10-28T23:00:00.000Z'],
  ])('%s starts at %s', (date, instant) => {
    expect(new Date(ukStartOfDay(date)).toISOString()).toBe(instant);
  });
});
