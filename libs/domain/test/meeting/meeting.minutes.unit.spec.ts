import { found, missing } from '../../src/shared/lookup.js';
import { given } from '../support/given-when-then.js';
import { meetingDecider } from '../../src/meeting/meeting.decider.js';
import { committeeId, startsAt, scheduled, approvalAt, february, approved } from './meeting.fixtures.js';

describe('meeting decider: minutes', () => {
  describe('ApproveMinutes', () => {
    it('approves the minutes at a later meeting of the same committee', () => {
      const state = given(meetingDecider)([scheduled]).when(approvalAt(february)).then([approved]);
      expect(state).toMatchObject({
        minutesApproved: { approvedAtMeetingId: 'm-feb', approvedAt: '2017-02-20T19:00:00Z' },
      });
    });

    it('compares start times as instants, not text', () => {
      given(meetingDecider)([scheduled])
        .when(approvalAt(found({ committeeId, startsAt: '2017-01-16T17:30:00-01:00' })))
        .then([approved]);
    });

    it('refuses to approve twice (conflict)', () => {
      given(meetingDecider)([scheduled, approved]).when(approvalAt(february)).thenThrows('minutes-already-approved', 'conflict');
    });

    it('refuses at a meeting of another committee (invalid)', () => {
      given(meetingDecider)([scheduled])
        .when(approvalAt(found({ committeeId: 'c-other', startsAt: '2017-02-20T18:00:00Z' })))
        .thenThrows('minutes-approval-other-committee', 'invalid');
    });

    it('refuses at the same or an earlier meeting (invalid)', () => {
      given(meetingDecider)([scheduled])
        .when(approvalAt(found({ committeeId, startsAt })))
        .thenThrows('minutes-approval-not-later', 'invalid');
      given(meetingDecider)([scheduled])
        .when(approvalAt(found({ committeeId, startsAt: '2016-12-12T18:00:00Z' })))
        .thenThrows('minutes-approval-not-later', 'invalid');
    });

    it('refuses an approving meeting that does not exist (not-found)', () => {
      given(meetingDecider)([scheduled]).when(approvalAt(missing)).thenThrows('approving-meeting-not-found', 'not-found');
    });

    it('refuses an unknown meeting (not-found)', () => {
      given(meetingDecider)([]).when(approvalAt(february)).thenThrows('meeting-not-found', 'not-found');
    });
  });
});
