import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AgendaItem, Attendee, MinutesApproval } from '#domain';
import { notFound } from '#domain';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '../../platform/index.js';
import {
  actionCountsJoin,
  actionRecordColumns,
  actionRecordOf,
  type ActionRecordRow,
  type ActionRecordView,
} from '../actions/action-record.sql.js';
import {
  resolutionColumns,
  resolutionFirstEventJoin,
  resolutionViewOf,
  type ResolutionRow,
  type ResolutionView,
} from '../resolutions/resolution-record.sql.js';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { asTyped, isoDate, isoInstant, refNumberSql, streamIdSql } from '../../read-models/view-sql.js';

export interface MeetingRecordView {
  readonly meetingId: string;
  readonly committeeId: string;
  /** Absent when the minutes give only the date. */
  readonly startsAt?: string;
  /** The UK date of the meeting. */
  readonly date: string;
  readonly title?: string;
  readonly location?: string;
  readonly scheduledAt?: string;
  readonly attendees: readonly Attendee[];
  readonly items: readonly AgendaItem[];
  readonly minutesApproved: MinutesApproval | null;
  readonly version: number;
  /** In the order they were passed. */
  readonly resolutions: readonly ResolutionView[];
  /** The actions arising at this meeting, in the order they were assigned. */
  readonly actions: readonly ActionRecordView[];
}

export class GetMeetingRecordQuery extends Query<MeetingRecordView> {
  constructor(readonly meetingId: string) {
    super();
  }
}

type MeetingRow = {
  meeting_id: string;
  committee_id: string;
  starts_at: string;
  meeting_date: string;
  date_only: boolean | null;
  title: string | null;
  location: string | null;
  scheduled_at: string | null;
  attendees: Attendee[] | null;
  items: AgendaItem[] | null;
  minutes_approved: MinutesApproval | null;
  version: number;
};

/** The meeting record from the read models: the meeting, its resolutions and the actions arising. */
@QueryHandler(GetMeetingRecordQuery)
export class GetMeetingRecordHandler implements IQueryHandler<GetMeetingRecordQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ meetingId }: GetMeetingRecordQuery): Promise<MeetingRecordView> {
    const { rows } = await this.db.query<MeetingRow>(
      `SELECT m.meeting_id, m.committee_id, ${isoInstant('m.starts_at')} AS starts_at,
              ${isoDate('m.meeting_date')} AS meeting_date, m.date_only, m.title, m.location, m.attendees, m.items,
              m.minutes_approved, m.version,
              (SELECT e.data->>'scheduledAt' FROM ${readModelTables.audit} e
                WHERE e.stream_id = ${streamIdSql('meeting', 'm.meeting_id')} AND e.stream_version = 1) AS scheduled_at
         FROM ${readModelTables.meetings} m WHERE m.meeting_id = $1`,
      [meetingId],
    );
    const meeting = rows[0];
    if (!meeting) throw notFound('meeting-not-found', `Meeting ${meetingId} does not exist`, { meetingId });
    const { rows: resolutions } = await this.db.query<ResolutionRow>(
      `SELECT ${resolutionColumns} FROM ${readModelTables.resolutions} r ${resolutionFirstEventJoin}
        WHERE r.meeting_id = $1 ORDER BY first.global_position NULLS LAST, r.passed_at, r.resolution_id`,
      [meetingId],
    );
    const { rows: actions } = await this.db.query<ActionRecordRow>(
      `SELECT ${actionRecordColumns} FROM ${readModelTables.actions} a ${actionCountsJoin}
        WHERE a.meeting_id = $1 ORDER BY a.assigned_at, ${refNumberSql()}, a.action_id`,
      [meetingId],
    );
    return {
      meetingId: meeting.meeting_id,
      committeeId: meeting.committee_id,
      ...(meeting.date_only === true ? {} : { startsAt: asTyped(meeting.starts_at) }),
      date: meeting.meeting_date,
      ...(meeting.title === null ? {} : { title: meeting.title }),
      ...(meeting.location === null ? {} : { location: meeting.location }),
      ...(meeting.scheduled_at === null ? {} : { scheduledAt: meeting.scheduled_at }),
      attendees: meeting.attendees ?? [],
      items: meeting.items ?? [],
      minutesApproved: meeting.minutes_approved,
      version: meeting.version,
      resolutions: resolutions.map(resolutionViewOf),
      actions: actions.map(actionRecordOf),
    };
  }
}
