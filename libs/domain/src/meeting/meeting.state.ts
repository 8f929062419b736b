import type { Attendee, MeetingEvent } from './meeting.events.js';

export type AgendaItem = { readonly number: string; readonly title: string; readonly paperRef?: string };

export type MinutesApproval = { readonly approvedAtMeetingId: string; readonly approvedAt: string };

export type MeetingRecord = {
  readonly exists: true;
  readonly meetingId: string;
  readonly committeeId: string;
  readonly startsAt: string;
  readonly title?: string;
  readonly location?: string;
  readonly scheduledAt: string;
  readonly attendees: readonly Attendee[];
  readonly items: readonly AgendaItem[];
  readonly minutesApproved?: MinutesApproval;
};

export type MeetingState = { readonly exists: false } | MeetingRecord;

export const initialMeetingState = (): MeetingState => ({ exists: false });

export const evolveMeeting = (state: MeetingState, event: MeetingEvent): MeetingState => {
  if (event.type === 'MeetingScheduled') {
    return { exists: true, ...event.data, attendees: [], items: [] };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'AttendanceRecorded':
      return { ...state, attendees: event.data.attendees };
    case 'AgendaItemAdded': {
      const { number, title, paperRef } = event.data;
      return { ...state, items: [...state.items, { number, title, paperRef }] };
    }
    case 'MinutesApproved': {
      const { approvedAtMeetingId, approvedAt } = event.data;
      return { ...state, minutesApproved: { approvedAtMeetingId, approvedAt } };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
