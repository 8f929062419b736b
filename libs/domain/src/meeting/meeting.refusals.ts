import type { CommandRefusals } from '../shared/refusals.js';
import type { MeetingCommand } from './meeting.commands.js';

/** Every refusal the meeting decider can answer each command with; refusals.unit.spec reads the decider to keep it so. */
export const meetingRefusals = {
  ScheduleMeeting: {
    conflict: ['meeting-already-scheduled'],
    invalid: ['meeting-start-or-date', 'date-invalid', 'startsAt-required'],
    'not-found': ['committee-not-found'],
  },
  RecordAttendance: {
    invalid: ['attendees-required', 'attendee-name-required', 'attendee-role-unknown', 'attendee-status-unknown', 'attendee-duplicated'],
    'not-found': ['attendee-person-not-found', 'meeting-not-found'],
  },
  AddAgendaItem: {
    conflict: ['agenda-item-number-taken'],
    invalid: ['number-required', 'title-required'],
    'not-found': ['meeting-not-found'],
  },
  ApproveMinutes: {
    conflict: ['minutes-already-approved'],
    invalid: ['minutes-approval-other-committee', 'minutes-approval-not-later'],
    'not-found': ['approving-meeting-not-found', 'meeting-not-found'],
  },
} as const satisfies CommandRefusals<MeetingCommand['type']>;
