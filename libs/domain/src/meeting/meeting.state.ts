import { ukStartOfDay } from '../shared/time.js';
import type { Attendee, MeetingEvent, MeetingScheduled } from './meeting.events.js';

export type AgendaItem = { readonly number: string; readonly title: string; readonly paperRef?: string; readonly narrative?: string };

export type MinutesApproval = { readonly approvedAtMeetingId: string; readonly approvedAt: string };

export type MeetingRecord = {
  readonly exists: true;
  readonly meetingId: string;
  readonly committeeId: string;
  /** The instant rules use: the start, or the UK start of the day when the minutes give only a date. */
  readonly startsAt: string;
  /** Set only when the minutes give no time. */
  readonly date?: string;
  readonly title?: string;
  readonly location?: string;
  readonly scheduledAt: string;
  readonly attendees: readonly Attendee[];
  readonly items: readonly AgendaItem[];
  readonly minutesApproved?: MinutesApproval;
};

export type MeetingState = { readonly exists: false } | MeetingRecord;

/** When a meeting began as rules need it: its start, or the UK start of its day when it has only a date. */
export const meetingStart = ({ startsAt, date }: Pick<MeetingScheduled['data'], 'startsAt' | 'date'>): string =>
  startsAt ?? ukStartOfDay(date ?? '');

export const initialMeetingState = (): MeetingState => ({ exists: false });

export const evolveMeeting = (state: MeetingState, event: MeetingEvent): MeetingState => {
  if (event.type === 'MeetingScheduled') {
    return { exists: true, ...event.data, startsAt: meetingStart(event.data), attendees: [], items: [] };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'AttendanceRecorded':
      return { ...state, attendees: event.data.attendees };
    case 'AgendaItemAdded': {
      const { number, title, paperRef, narrative } = event.data;
      return { ...state, items: [...state.items, { number, title, paperRef, narrative }] };
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
