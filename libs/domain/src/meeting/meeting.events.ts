export const attendeeRoles = ['chair', 'member', 'portfolio-holder', 'officer', 'advisor', 'public'] as const;
export type AttendeeRole = (typeof attendeeRoles)[number];

export const attendanceStatuses = ['present', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export type Attendee = {
  readonly personId?: string;
  readonly name: string;
  readonly role: AttendeeRole;
  readonly status: AttendanceStatus;
};

export type MeetingScheduled = {
  readonly type: 'MeetingScheduled';
  readonly data: {
    readonly meetingId: string;
    readonly committeeId: string;
    /** ISO instant with zone; exactly one of startsAt and date. */
    readonly startsAt?: string;
    /** The UK date (YYYY-MM-DD) of a meeting whose minutes give no time. */
    readonly date?: string;
    readonly title?: string;
    readonly location?: string;
    readonly scheduledAt: string;
  };
};

/** The full attendance list; a later recording replaces an earlier one (a correction). */
export type AttendanceRecorded = {
  readonly type: 'AttendanceRecorded';
  readonly data: {
    readonly meetingId: string;
    readonly attendees: readonly Attendee[];
    readonly recordedAt: string;
  };
};

export type AgendaItemAdded = {
  readonly type: 'AgendaItemAdded';
  readonly data: {
    readonly meetingId: string;
    /** As printed in the minutes, e.g. "03". */
    readonly number: string;
    readonly title: string;
    readonly paperRef?: string;
    /** What the minutes say of the item, as printed. */
    readonly narrative?: string;
    readonly addedAt: string;
  };
};

export type MinutesApproved = {
  readonly type: 'MinutesApproved';
  readonly data: {
    readonly meetingId: string;
    readonly approvedAtMeetingId: string;
    readonly approvedAt: string;
  };
};

export type MeetingEvent = MeetingScheduled | AttendanceRecorded | AgendaItemAdded | MinutesApproved;

export const meetingEventTypes = [
  'MeetingScheduled',
  'AttendanceRecorded',
  'AgendaItemAdded',
  'MinutesApproved',
] as const satisfies readonly MeetingEvent['type'][];

export const isMeetingEvent = (event: { readonly type: string }): event is MeetingEvent =>
  (meetingEventTypes as readonly string[]).includes(event.type);
