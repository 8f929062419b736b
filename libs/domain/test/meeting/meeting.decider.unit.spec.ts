import { missing } from '../../src/shared/lookup.js';
import { given } from '../support/given-when-then.js';
import { meetingDecider } from '../../src/meeting/meeting.decider.js';
import type { Attendee, MeetingScheduled } from '../../src/meeting/meeting.events.js';
import {
  meetingId,
  committeeId,
  now,
  schedule,
  scheduled,
  chair,
  officer,
  apologies,
  attend,
  attended,
  addItem,
  itemAdded,
  approved,
} from './meeting.fixtures.js';

describe('meeting decider', () => {
  describe('ScheduleMeeting', () => {
    it('schedules a meeting of an existing committee', () => {
      const state = given(meetingDecider)([]).when(schedule()).then([scheduled]);
      expect(state).toEqual({ exists: true, ...scheduled.data, attendees: [], items: [] });
    });

    it('refuses a committee that does not exist (not-found)', () => {
      given(meetingDecider)([])
        .when(schedule({ facts: { committee: missing } }))
        .thenThrows('committee-not-found', 'not-found');
    });

    it('refuses to schedule the same meeting twice (conflict)', () => {
      given(meetingDecider)([scheduled]).when(schedule()).thenThrows('meeting-already-scheduled', 'conflict');
    });

    it('schedules a meeting dated without a time: the event keeps the date only, rules get the UK start of that day', () => {
      const datedOnly: MeetingScheduled = {
        type: 'MeetingScheduled',
        data: { meetingId, committeeId, date: '2015-06-21', title: 'January meeting', scheduledAt: now },
      };
      const state = given(meetingDecider)([])
        .when(schedule({ startsAt: undefined, date: '2015-06-21' }))
        .then([datedOnly]);
      expect(state).toMatchObject({ exists: true, date: '2015-06-21', startsAt: '2015-06-21T00:00:00+01:00' });
    });

    it('refuses both a start and a date, or neither (invalid)', () => {
      given(meetingDecider)([])
        .when(schedule({ date: '2017-01-16' }))
        .thenThrows('meeting-start-or-date', 'invalid');
      given(meetingDecider)([])
        .when(schedule({ startsAt: undefined }))
        .thenThrows('meeting-start-or-date', 'invalid');
    });

    it('refuses a date that is not YYYY-MM-DD (invalid)', () => {
      given(meetingDecider)([])
        .when(schedule({ startsAt: undefined, date: '21/01/2015' }))
        .thenThrows('date-invalid', 'invalid');
    });

    it('refuses a blank start (invalid)', () => {
      given(meetingDecider)([])
        .when(schedule({ startsAt: '' }))
        .thenThrows('startsAt-required', 'invalid');
    });
  });

  describe('RecordAttendance', () => {
    it('records who attended, sent apologies or was absent', () => {
      const state = given(meetingDecider)([scheduled])
        .when(attend([chair, officer, apologies]))
        .then([attended([chair, officer, apologies])]);
      expect(state).toMatchObject({ attendees: [chair, officer, apologies] });
    });

    it('replaces an earlier list when recorded again', () => {
      const state = given(meetingDecider)([scheduled, attended([chair])])
        .when(attend([chair, officer]))
        .then([attended([chair, officer])]);
      expect(state).toMatchObject({ attendees: [chair, officer] });
    });

    it('refuses an unknown meeting (not-found)', () => {
      given(meetingDecider)([])
        .when(attend([chair]))
        .thenThrows('meeting-not-found', 'not-found');
    });

    it('refuses an attendee naming a person who is not registered (not-found)', () => {
      given(meetingDecider)([scheduled])
        .when(attend([chair], ['cllr-green']))
        .thenThrows('attendee-person-not-found', 'not-found');
    });

    it('refuses an empty list (invalid)', () => {
      given(meetingDecider)([scheduled]).when(attend([])).thenThrows('attendees-required', 'invalid');
    });

    it('refuses an attendee without a name (invalid)', () => {
      given(meetingDecider)([scheduled])
        .when(attend([{ ...officer, name: ' ' }]))
        .thenThrows('attendee-name-required', 'invalid');
    });

    it('refuses an unknown role or status (invalid)', () => {
      given(meetingDecider)([scheduled])
        .when(attend([{ ...officer, role: 'clerk' as Attendee['role'] }]))
        .thenThrows('attendee-role-unknown', 'invalid');
      given(meetingDecider)([scheduled])
        .when(attend([{ ...officer, status: 'asleep' as Attendee['status'] }]))
        .thenThrows('attendee-status-unknown', 'invalid');
    });

    it('refuses the same person twice (invalid)', () => {
      given(meetingDecider)([scheduled])
        .when(attend([chair, { ...chair, role: 'member' }]))
        .thenThrows('attendee-duplicated', 'invalid');
    });
  });

  describe('AddAgendaItem', () => {
    it('adds a numbered item with its paper reference', () => {
      const state = given(meetingDecider)([scheduled])
        .when(addItem('03', 'Draft report part 1', 'Ref: 7'))
        .then([itemAdded('03', 'Draft report part 1', 'Ref: 7')]);
      expect(state).toMatchObject({ items: [{ number: '03', title: 'Draft report part 1', paperRef: 'Ref: 7' }] });
    });

    it("keeps the minutes' narrative of the item", () => {
      const narrative = 'Members asked whether certain factors were making it harder to recruit.';
      const state = given(meetingDecider)([scheduled])
        .when({ ...addItem('62', 'Strategy', 'Report CS14078'), data: { ...addItem('62', 'Strategy', 'Report CS14078').data, narrative } })
        .then([
          { ...itemAdded('62', 'Strategy', 'Report CS14078'), data: { ...itemAdded('62', 'Strategy', 'Report CS14078').data, narrative } },
        ]);
      expect(state).toMatchObject({ items: [{ number: '62', title: 'Strategy', paperRef: 'Report CS14078', narrative }] });
    });

    it('refuses a number already used in the meeting (conflict)', () => {
      given(meetingDecider)([scheduled, itemAdded('03')])
        .when(addItem('03', 'Another'))
        .thenThrows('agenda-item-number-taken', 'conflict');
    });

    it('refuses an unknown meeting (not-found)', () => {
      given(meetingDecider)([]).when(addItem('01')).thenThrows('meeting-not-found', 'not-found');
    });

    it('refuses a blank number or title (invalid)', () => {
      given(meetingDecider)([scheduled]).when(addItem(' ')).thenThrows('number-required', 'invalid');
      given(meetingDecider)([scheduled]).when(addItem('01', '')).thenThrows('title-required', 'invalid');
    });
  });

  describe('evolve', () => {
    it('starts as not existing and ignores events before scheduling', () => {
      expect(given(meetingDecider)([]).state()).toEqual({ exists: false });
      expect(given(meetingDecider)([itemAdded('01')]).state()).toEqual({ exists: false });
    });

    it('folds the whole meeting record', () => {
      const history = [scheduled, attended([chair]), itemAdded('01', 'Apologies'), itemAdded('02'), approved];
      const state = given(meetingDecider)(history).state();
      expect(state).toEqual({
        exists: true,
        ...scheduled.data,
        attendees: [chair],
        items: [
          { number: '01', title: 'Apologies' },
          { number: '02', title: 'Draft report part 1' },
        ],
        minutesApproved: { approvedAtMeetingId: 'm-feb', approvedAt: '2017-02-20T19:00:00Z' },
      });
    });
  });
});
