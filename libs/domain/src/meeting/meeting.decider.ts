import type { Decider } from '../shared/decider.js';
import { conflict, invalid, notFound, unknownCommand } from '../shared/errors.js';
import { duplicatesIn, exactlyOneGiven, requireText } from '../shared/rules.js';
import { isLaterInstant } from '../shared/time.js';
import type { AddAgendaItem, ApproveMinutes, MeetingCommand, RecordAttendance, ScheduleMeeting } from './meeting.commands.js';
import { attendanceStatuses, attendeeRoles, type MeetingEvent } from './meeting.events.js';
import { evolveMeeting, initialMeetingState, type MeetingRecord, type MeetingState } from './meeting.state.js';

const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const existingMeeting = (state: MeetingState, meetingId: string): MeetingRecord => {
  if (!state.exists) throw notFound('meeting-not-found', `Meeting ${meetingId} does not exist`, { meetingId });
  return state;
};

const schedule = ({ data }: ScheduleMeeting, state: MeetingState): MeetingEvent[] => {
  if (state.exists) {
    throw conflict('meeting-already-scheduled', `Meeting ${state.meetingId} is already scheduled`, {
      meetingId: state.meetingId,
    });
  }
  if (!exactlyOneGiven(data.startsAt, data.date)) {
    throw invalid('meeting-start-or-date', 'A meeting has either startsAt (when the time is known) or date (a day only), not both', {
      field: data.startsAt === undefined ? 'startsAt' : 'date',
    });
  }
  if (data.startsAt !== undefined) requireText(data.startsAt, 'startsAt');
  if (data.date !== undefined && !CALENDAR_DATE.test(data.date)) {
    throw invalid('date-invalid', `date must be a date as YYYY-MM-DD, not ${data.date}`, { field: 'date' });
  }
  if (!data.facts.committee.exists) {
    throw notFound('committee-not-found', `Committee ${data.committeeId} does not exist`, {
      committeeId: data.committeeId,
    });
  }
  const { meetingId, committeeId, startsAt, date, title, location } = data;
  const when = startsAt === undefined ? { date } : { startsAt };
  return [{ type: 'MeetingScheduled', data: { meetingId, committeeId, ...when, title, location, scheduledAt: data.now } }];
};

const recordAttendance = ({ data }: RecordAttendance, state: MeetingState): MeetingEvent[] => {
  const meeting = existingMeeting(state, data.meetingId);
  if (data.attendees.length === 0) {
    throw invalid('attendees-required', 'Attendance needs at least one attendee', { field: 'attendees' });
  }
  data.attendees.forEach((attendee, index) => {
    if (attendee.name.trim() === '') {
      throw invalid('attendee-name-required', `Attendee ${index} has no name`, { field: `attendees[${index}].name` });
    }
    if (!(attendeeRoles as readonly string[]).includes(attendee.role)) {
      throw invalid('attendee-role-unknown', `Unknown role ${String(attendee.role)}`, {
        field: `attendees[${index}].role`,
        allowed: attendeeRoles,
      });
    }
    if (!(attendanceStatuses as readonly string[]).includes(attendee.status)) {
      throw invalid('attendee-status-unknown', `Unknown status ${String(attendee.status)}`, {
        field: `attendees[${index}].status`,
        allowed: attendanceStatuses,
      });
    }
  });
  const personIds = data.attendees.flatMap((attendee) => (attendee.personId ? [attendee.personId] : []));
  const duplicated = duplicatesIn(personIds);
  if (duplicated.length > 0) {
    throw invalid('attendee-duplicated', 'A person appears more than once in the attendance', {
      personIds: duplicated,
    });
  }
  const unregistered = personIds.find((personId) => data.facts.people[personId]?.exists !== true);
  if (unregistered !== undefined) {
    throw notFound('attendee-person-not-found', `Person ${unregistered} does not exist`, { personId: unregistered });
  }
  return [
    {
      type: 'AttendanceRecorded',
      data: { meetingId: meeting.meetingId, attendees: data.attendees, recordedAt: data.now },
    },
  ];
};

const addAgendaItem = ({ data }: AddAgendaItem, state: MeetingState): MeetingEvent[] => {
  const meeting = existingMeeting(state, data.meetingId);
  requireText(data.number, 'number');
  requireText(data.title, 'title');
  if (meeting.items.some((item) => item.number === data.number)) {
    throw conflict('agenda-item-number-taken', `Meeting ${meeting.meetingId} already has item ${data.number}`, {
      meetingId: meeting.meetingId,
      number: data.number,
    });
  }
  const { number, title, paperRef, narrative } = data;
  return [{ type: 'AgendaItemAdded', data: { meetingId: meeting.meetingId, number, title, paperRef, narrative, addedAt: data.now } }];
};

const approveMinutes = ({ data }: ApproveMinutes, state: MeetingState): MeetingEvent[] => {
  const meeting = existingMeeting(state, data.meetingId);
  if (meeting.minutesApproved) {
    throw conflict('minutes-already-approved', `Minutes of meeting ${meeting.meetingId} are already approved`, {
      meetingId: meeting.meetingId,
      ...meeting.minutesApproved,
    });
  }
  const approving = data.facts.approvingMeeting;
  if (!approving.exists) {
    throw notFound('approving-meeting-not-found', `Meeting ${data.approvedAtMeetingId} does not exist`, {
      approvedAtMeetingId: data.approvedAtMeetingId,
    });
  }
  if (approving.committeeId !== meeting.committeeId) {
    throw invalid('minutes-approval-other-committee', 'Minutes are approved only at a meeting of the same committee', {
      committeeId: meeting.committeeId,
      approvingCommitteeId: approving.committeeId,
    });
  }
  if (!isLaterInstant(approving.startsAt, meeting.startsAt)) {
    throw invalid('minutes-approval-not-later', 'Minutes are approved only at a later meeting', {
      startsAt: meeting.startsAt,
      approvingStartsAt: approving.startsAt,
    });
  }
  return [
    {
      type: 'MinutesApproved',
      data: { meetingId: meeting.meetingId, approvedAtMeetingId: data.approvedAtMeetingId, approvedAt: data.now },
    },
  ];
};

export const decideMeeting = (command: MeetingCommand, state: MeetingState): MeetingEvent[] => {
  switch (command.type) {
    case 'ScheduleMeeting':
      return schedule(command, state);
    case 'RecordAttendance':
      return recordAttendance(command, state);
    case 'AddAgendaItem':
      return addAgendaItem(command, state);
    case 'ApproveMinutes':
      return approveMinutes(command, state);
    default: {
      const _exhaustive: never = command;
      return unknownCommand(command);
    }
  }
};

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  decide: decideMeeting,
  evolve: evolveMeeting,
  initialState: initialMeetingState,
};
