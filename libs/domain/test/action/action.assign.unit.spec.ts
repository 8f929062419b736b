import { found, missing } from '../../src/shared/lookup.js';
import { given } from '../support/given-when-then.js';
import { actionDecider } from '../../src/action/action.decider.js';
import type { ActionOriginFacts } from '../../src/action/action.commands.js';
import { ukStartOfDay } from '../../src/shared/time.js';
import { assign, assigned, meetingStartsAt, origin } from './action.fixtures.js';

const byFebruaryMeeting = {
  dueDate: undefined,
  dueMeetingId: 'm-feb',
  facts: { resolution: origin, ownerPost: found({}), dueMeeting: found({ startsAt: '2017-02-20T18:00:00Z' }) },
};

describe('action decider: AssignAction', () => {
  it('assigns an action on a resolution part to a post, due by a date', () => {
    const state = given(actionDecider)([]).when(assign()).then([assigned]);
    expect(state).toMatchObject({
      status: 'open',
      ownerPostId: 'post-pm-tt',
      due: { dueDate: '2017-02-20' },
      counts: { progressReports: 0, chases: 0, reopenings: 0, reassignments: 0, dueChanges: 0 },
    });
  });

  it('assigns an action due back at a later meeting', () => {
    const state = given(actionDecider)([])
      .when(assign(byFebruaryMeeting))
      .then([{ ...assigned, data: { ...assigned.data, dueDate: undefined, dueMeetingId: 'm-feb' } }]);
    expect(state).toMatchObject({ due: { dueMeetingId: 'm-feb' } });
  });

  it('assigns an action on the resolution as a whole, without a part', () => {
    given(actionDecider)([])
      .when(assign({ partLabel: undefined }))
      .then([{ ...assigned, data: { ...assigned.data, partLabel: undefined } }]);
  });

  it('accepts a due date on the day of the meeting', () => {
    given(actionDecider)([])
      .when(assign({ dueDate: '2017-01-16' }))
      .then([{ ...assigned, data: { ...assigned.data, dueDate: '2017-01-16' } }]);
  });

  it('refuses to assign the same action twice (conflict)', () => {
    given(actionDecider)([assigned]).when(assign()).thenThrows('action-already-assigned', 'conflict');
  });

  it('refuses a blank title (invalid)', () => {
    given(actionDecider)([])
      .when(assign({ title: ' ' }))
      .thenThrows('title-required', 'invalid');
  });

  it('refuses a resolution that does not exist (not-found)', () => {
    given(actionDecider)([])
      .when(assign({ facts: { resolution: missing, ownerPost: found({}) } }))
      .thenThrows('resolution-not-found', 'not-found');
  });

  it('refuses a part label the resolution does not have (invalid)', () => {
    given(actionDecider)([])
      .when(assign({ partLabel: '(iii)' }))
      .thenThrows('resolution-part-unknown', 'invalid');
  });

  it('assigns an action on a resolution of one unlabelled part without a part label, and refuses one with a label (invalid)', () => {
    const unlabelled = found<ActionOriginFacts>({
      meetingId: 'm-jan',
      committeeId: 'c-tf',
      meetingStartsAt,
      parts: [{}],
    });
    const state = given(actionDecider)([])
      .when(assign({ partLabel: undefined, facts: { resolution: unlabelled, ownerPost: found({}) } }))
      .then([{ ...assigned, data: { ...assigned.data, partLabel: undefined } }]);
    expect(state).toMatchObject({ exists: true, partLabel: undefined });
    const refusal = given(actionDecider)([])
      .when(assign({ partLabel: '(i)', facts: { resolution: unlabelled, ownerPost: found({}) } }))
      .thenThrows('resolution-part-unknown', 'invalid');
    expect(refusal.details).toMatchObject({ labels: [] });
  });

  it('takes a due meeting dated without a time at the UK start of its day: the next day is after the origin, its own day is not', () => {
    const dueOn = (date: string) =>
      assign({ ...byFebruaryMeeting, facts: { ...byFebruaryMeeting.facts, dueMeeting: found({ startsAt: ukStartOfDay(date) }) } });
    given(actionDecider)([])
      .when(dueOn('2017-01-17'))
      .then([{ ...assigned, data: { ...assigned.data, dueDate: undefined, dueMeetingId: 'm-feb' } }]);
    given(actionDecider)([]).when(dueOn('2017-01-16')).thenThrows('due-meeting-not-after-origin', 'invalid');
  });

  it('refuses neither a due date nor a due meeting (invalid)', () => {
    given(actionDecider)([])
      .when(assign({ dueDate: undefined }))
      .thenThrows('due-exactly-one', 'invalid');
  });

  it('refuses both a due date and a due meeting (invalid)', () => {
    given(actionDecider)([])
      .when(assign({ ...byFebruaryMeeting, dueDate: '2017-02-20' }))
      .thenThrows('due-exactly-one', 'invalid');
  });

  it('refuses a due date before the meeting that set the action (invalid)', () => {
    given(actionDecider)([])
      .when(assign({ dueDate: '2017-01-15' }))
      .thenThrows('due-date-before-meeting', 'invalid');
  });

  it('refuses a due meeting that does not exist (not-found)', () => {
    given(actionDecider)([])
      .when(assign({ ...byFebruaryMeeting, facts: { ...byFebruaryMeeting.facts, dueMeeting: missing } }))
      .thenThrows('due-meeting-not-found', 'not-found');
  });

  it('refuses a due meeting whose facts were not looked up (not-found)', () => {
    given(actionDecider)([])
      .when(assign({ ...byFebruaryMeeting, facts: { resolution: origin, ownerPost: found({}) } }))
      .thenThrows('due-meeting-not-found', 'not-found');
  });

  it('refuses a due meeting that is not after the originating meeting (invalid)', () => {
    const sameMeeting = found({ startsAt: '2017-01-16T18:00:00Z' });
    given(actionDecider)([])
      .when(assign({ ...byFebruaryMeeting, facts: { ...byFebruaryMeeting.facts, dueMeeting: sameMeeting } }))
      .thenThrows('due-meeting-not-after-origin', 'invalid');
  });

  it('refuses an owner post that does not exist (not-found)', () => {
    given(actionDecider)([])
      .when(assign({ facts: { resolution: origin, ownerPost: missing } }))
      .thenThrows('owner-post-not-found', 'not-found');
  });
});
