import type { Lookup } from '../shared/lookup.js';
import type { Attendee } from './meeting.events.js';

export type ScheduleMeeting = {
  readonly type: 'ScheduleMeeting';
  readonly data: {
    readonly meetingId: string;
    readonly committeeId: string;
    /** Exactly one of startsAt (an instant) and date (a UK date, when the minutes give no time). */
    readonly startsAt?: string;
    readonly date?: string;
    readonly title?: string;
    readonly location?: string;
    readonly now: string;
    /** A CommitteeState fits. */
    readonly facts: { readonly committee: Lookup };
  };
};

export type RecordAttendance = {
  readonly type: 'RecordAttendance';
  readonly data: {
    readonly meetingId: string;
    readonly attendees: readonly Attendee[];
    readonly now: string;
    /** Each registered person an attendee names, by id. */
    readonly facts: { readonly people: Readonly<Record<string, Lookup>> };
  };
};

export type AddAgendaItem = {
  readonly type: 'AddAgendaItem';
  readonly data: {
    readonly meetingId: string;
    readonly number: string;
    readonly title: string;
    readonly paperRef?: string;
    readonly narrative?: string;
    readonly now: string;
  };
};

/** What approving minutes needs to know about the meeting they are approved at (a MeetingState fits). */
export type ApprovingMeetingFacts = { readonly committeeId: string; readonly startsAt: string };

export type ApproveMinutes = {
  readonly type: 'ApproveMinutes';
  readonly data: {
    readonly meetingId: string;
    readonly approvedAtMeetingId: string;
    readonly now: string;
    readonly facts: { readonly approvingMeeting: Lookup<ApprovingMeetingFacts> };
  };
};

export type MeetingCommand = ScheduleMeeting | RecordAttendance | AddAgendaItem | ApproveMinutes;
