import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound } from '#domain';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '../../platform/index.js';
import { notAPreviousCursor } from '../../read-models/cursor.js';
import { afterListKeySql, decodeListKey, listPageOf, type ListKey } from '../../read-models/list-page.js';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { asTyped, isoDate, isoInstant } from '../../read-models/view-sql.js';
import type { ListPaging } from '../shared/list-query.dto.js';
import { isInstant } from '../shared/validators.js';

export interface CommitteeMeetingEntry {
  readonly meetingId: string;
  /** The UK date. */
  readonly date: string;
  /** Absent when the minutes give only the date. */
  readonly startsAt?: string;
  readonly title?: string;
  readonly location?: string;
  readonly itemCount: number;
  readonly minutesApproved: boolean;
}

export interface CommitteeMeetings {
  readonly committee: { readonly committeeId: string; readonly name: string };
  /** Newest first: the latest meeting date (and start) first. */
  readonly meetings: readonly CommitteeMeetingEntry[];
  readonly nextAfter: string | null;
}

export class GetCommitteeMeetingsQuery extends Query<CommitteeMeetings> {
  constructor(
    readonly committeeId: string,
    readonly paging: ListPaging,
  ) {
    super();
  }
}

type MeetingRow = {
  committee_name: string;
  meeting_id: string | null;
  starts_at: string | null;
  meeting_date: string | null;
  date_only: boolean | null;
  title: string | null;
  location: string | null;
  item_count: number | null;
  minutes_approved: boolean | null;
};

const decodeMeetingKey = (cursor: string): ListKey => {
  const key = decodeListKey(cursor);
  if (!isInstant(key[0])) throw notAPreviousCursor();
  return key;
};

/** A committee's meetings, newest first; a meeting dated without a time sorts at the start of its UK day. */
@QueryHandler(GetCommitteeMeetingsQuery)
export class GetCommitteeMeetingsHandler implements IQueryHandler<GetCommitteeMeetingsQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ committeeId, paging }: GetCommitteeMeetingsQuery): Promise<CommitteeMeetings> {
    const params: unknown[] = [committeeId];
    const after = paging.after === undefined ? undefined : decodeMeetingKey(paging.after);
    const keyed = afterListKeySql(after, { sorted: 'm.starts_at', id: 'm.meeting_id', cast: '::timestamptz', descending: true }, params);
    const { rows } = await this.db.query<MeetingRow>(
      `SELECT c.name AS committee_name, page.*
         FROM ${readModelTables.committees} c
         LEFT JOIN LATERAL (
           SELECT m.meeting_id, ${isoInstant('m.starts_at')} AS starts_at, ${isoDate('m.meeting_date')} AS meeting_date, m.date_only,
                  m.title, m.location, jsonb_array_length(coalesce(m.items, '[]'::jsonb)) AS item_count,
                  m.minutes_approved IS NOT NULL AS minutes_approved
             FROM ${readModelTables.meetings} m
            WHERE m.committee_id = c.committee_id AND ${keyed}
            ORDER BY m.starts_at DESC, m.meeting_id DESC
            LIMIT ${paging.limit + 1}
         ) page ON TRUE
        WHERE c.committee_id = $1
        ORDER BY page.starts_at DESC, page.meeting_id DESC`,
      params,
    );
    const committee = rows[0];
    if (!committee) throw notFound('committee-not-found', `Committee ${committeeId} does not exist`, { committeeId });
    const meetings = rows.filter(
      (r): r is MeetingRow & { meeting_id: string; starts_at: string; meeting_date: string } => r.meeting_id !== null,
    );
    const page = listPageOf(meetings, paging.limit, (r) => [r.starts_at, r.meeting_id]);
    return {
      committee: { committeeId, name: committee.committee_name },
      meetings: page.rows.map((r) => ({
        meetingId: r.meeting_id,
        date: r.meeting_date,
        ...(r.date_only === true ? {} : { startsAt: asTyped(r.starts_at) }),
        ...(r.title === null ? {} : { title: r.title }),
        ...(r.location === null ? {} : { location: r.location }),
        itemCount: Number(r.item_count ?? 0),
        minutesApproved: r.minutes_approved === true,
      })),
      nextAfter: page.nextAfter,
    };
  }
}
