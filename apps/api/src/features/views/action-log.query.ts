import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound } from '../../../../../libs/domain/src/shared/errors.js';
import type { SqlDatabase } from '../../../../../libs/event-store/src/index.js';
import { SQL_DATABASE } from '../../platform/index.js';
import { Clock } from '../shared/clock.js';
import { isoDate, refNumberSql, rm, ukDay, viewDate } from './read-model-sql.js';

/** One line of the committee-papers table. */
export interface ActionLogRow {
  readonly actionId: string;
  readonly ref: string;
  readonly meetingId: string;
  /** The UK date of the meeting the action arose at. */
  readonly meetingDate: string;
  readonly itemNumber: string | null;
  readonly itemTitle: string | null;
  readonly partLabel: string | null;
  readonly action: string;
  /** The post's title, with its holder's name in brackets when it is held. */
  readonly owner: string;
  readonly ownerPost: { readonly postId: string; readonly title: string | null };
  readonly holder: { readonly personId: string; readonly name: string | null } | null;
  readonly dueOn: string | null;
  /** The action's status, or `overdue` for an open action past its due date. */
  readonly status: string;
  readonly rag: string | null;
  readonly latestUpdate: string | null;
  /** The UK date it was signed off (or withdrawn). */
  readonly dateClosed: string | null;
}

export interface ActionLog {
  readonly committee: { readonly committeeId: string; readonly name: string };
  readonly asOf: string;
  /** By meeting date, then ref. */
  readonly rows: readonly ActionLogRow[];
}

export class GetActionLogQuery extends Query<ActionLog> {
  constructor(readonly committeeId: string, readonly asOf: string | undefined) {
    super();
  }
}

type LogRow = {
  action_id: string; ref: string; meeting_id: string; meeting_date: string; item_number: string | null; item_title: string | null;
  part_label: string | null; title: string; owner_post_id: string; post_title: string | null; holder_person_id: string | null;
  holder_name: string | null; due_on: string | null; status: string; overdue: boolean; rag: string | null; latest_note: string | null;
  date_closed: string | null;
};

export function ownerLabel(postTitle: string | null, holderName: string | null, postId: string): string {
  const title = postTitle ?? `Post ${postId}`;
  return holderName ? `${title} (${holderName})` : title;
}

const toLogRow = (r: LogRow): ActionLogRow => ({
  actionId: r.action_id, ref: r.ref, meetingId: r.meeting_id, meetingDate: r.meeting_date, itemNumber: r.item_number,
  itemTitle: r.item_title, partLabel: r.part_label, action: r.title, owner: ownerLabel(r.post_title, r.holder_name, r.owner_post_id),
  ownerPost: { postId: r.owner_post_id, title: r.post_title },
  holder: r.holder_person_id === null ? null : { personId: r.holder_person_id, name: r.holder_name },
  dueOn: r.due_on, status: r.overdue ? 'overdue' : r.status, rag: r.rag, latestUpdate: r.latest_note, dateClosed: r.date_closed,
});

/** The committee's action log as printed in its papers; "overdue" is worked out as of `asOf`, today by default. */
@QueryHandler(GetActionLogQuery)
export class GetActionLogHandler implements IQueryHandler<GetActionLogQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase, private readonly clock: Clock) {}

  async execute({ committeeId, asOf: requested }: GetActionLogQuery): Promise<ActionLog> {
    const { rows: committees } = await this.db.query<{ name: string }>(`SELECT name FROM ${rm.committees} WHERE committee_id = $1`, [committeeId]);
    const committee = committees[0];
    if (!committee) throw notFound('committee-not-found', `Committee ${committeeId} does not exist`, { committeeId });
    const asOf = viewDate(this.clock, requested);
    const { rows } = await this.db.query<LogRow>(
      `SELECT a.action_id, a.ref, a.meeting_id, ${ukDay('a.meeting_starts_at')} AS meeting_date, a.item_number,
              (SELECT i->>'title' FROM jsonb_array_elements(m.items) i WHERE i->>'number' = a.item_number LIMIT 1) AS item_title,
              a.part_label, a.title, a.owner_post_id, p.title AS post_title, p.holder_person_id,
              p.holder_name, ${isoDate('a.due_on')} AS due_on, a.status,
              (a.status = 'open' AND a.due_on < $2::date) AS overdue, a.rag, a.latest_note,
              ${ukDay('coalesce(a.closed_at, a.withdrawn_at)')} AS date_closed
         FROM ${rm.actions} a
         LEFT JOIN ${rm.meetings} m ON m.meeting_id = a.meeting_id
         LEFT JOIN ${rm.posts} p ON p.post_id = a.owner_post_id
        WHERE a.committee_id = $1
        ORDER BY a.meeting_starts_at, ${refNumberSql()}, a.ref, a.action_id`,
      [committeeId, asOf]);
    return { committee: { committeeId, name: committee.name }, asOf, rows: rows.map(toLogRow) };
  }
}
