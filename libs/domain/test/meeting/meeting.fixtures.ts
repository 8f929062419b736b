// Test fixtures shared by the meeting specs: the task & finish group's January 2017 meeting.
import { found, missing } from '../../src/shared/lookup.js';
import type { AddAgendaItem, ApproveMinutes, RecordAttendance, ScheduleMeeting } from '../../src/meeting/meeting.commands.js';
import type { AgendaItemAdded, Attendee, AttendanceRecorded, MeetingScheduled, MinutesApproved } from '../../src/meeting/meeting.events.js';

export const meetingId = 'm-jan';
export const committeeId = 'c-tf';
export const startsAt = '2017-01-16T18:00:00Z';
export const now = '2017-01-20T10:00:00Z';

export const schedule = (overrides: Partial<ScheduleMeeting['data']> = {}): ScheduleMeeting => ({
  type: 'ScheduleMeeting',
  data: {
    meetingId,
    committeeId,
    startsAt,
    title: 'January meeting',
    now,
    facts: { committee: found({}) },
    ...overrides,
  },
});
export const scheduled: MeetingScheduled = {
  type: 'MeetingScheduled',
  data: { meetingId, committeeId, startsAt, title: 'January meeting', scheduledAt: now },
};

export const chair: Attendee = { personId: 'cllr-green', name: 'Councillor Green', role: 'chair', status: 'present' };
export const officer: Attendee = { name: 'Tony Fitzgerald', role: 'officer', status: 'present' };
export const apologies: Attendee = { name: 'Councillor Franks', role: 'member', status: 'apologies' };
/** Every person an attendee names is registered, unless `unregistered` says otherwise. */
export const attend = (attendees: readonly Attendee[], unregistered: readonly string[] = []): RecordAttendance => ({
  type: 'RecordAttendance',
  data: {
    meetingId,
    attendees,
    now,
    facts: {
      people: Object.fromEntries(
        attendees.flatMap(({ personId }) => (personId ? [[personId, unregistered.includes(personId) ? missing : found({})]] : [])),
      ),
    },
  },
});
export const attended = (attendees: readonly Attendee[]): AttendanceRecorded => ({
  type: 'AttendanceRecorded',
  data: { meetingId, attendees, recordedAt: now },
});

export const addItem = (number: string, title = 'Draft report part 1', paperRef?: string): AddAgendaItem => ({
  type: 'AddAgendaItem',
  data: { meetingId, number, title, paperRef, now },
});
export const itemAdded = (number: string, title = 'Draft report part 1', paperRef?: string): AgendaItemAdded => ({
  type: 'AgendaItemAdded',
  data: { meetingId, number, title, paperRef, addedAt: now },
});

export const approvalAt = (facts: ApproveMinutes['data']['facts']['approvingMeeting']): ApproveMinutes => ({
  type: 'ApproveMinutes',
  data: { meetingId, approvedAtMeetingId: 'm-feb', now: '2017-02-20T19:00:00Z', facts: { approvingMeeting: facts } },
});
export const february = found({ committeeId, startsAt: '2017-02-20T18:00:00Z' });
export const approved: MinutesApproved = {
  type: 'MinutesApproved',
  data: { meetingId, approvedAtMeetingId: 'm-feb', approvedAt: '2017-02-20T19:00:00Z' },
};
