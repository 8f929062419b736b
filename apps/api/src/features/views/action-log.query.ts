import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { invalid, notFound } from '#domain';
import type { EventStore, SqlDatabase } from '#event-store';
import { ukDateOf } from '#domain';
import { EVENT_STORE, SQL_DATABASE } from '../../platform/index.js';
import { Clock } from '../shared/clock.js';
import { isInstant } from '../shared/validators.js';
import { actionsAsTheyStood, ukDateOfInstant, type ActionAsItStood } from './action-log-as-of.js';
import { decodeActionLogCursor, encodeActionLogCursor, type ActionLogKey } from './action-log-cursor.js';
import { isOverdueOn, overdueSql } from '../../read-models/overdue.sql.js';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { viewDate } from '../../read-models/view-date.js';
import { isoDate, isoInstant, refNumberSql, streamIdSql, ukDay } from '../../read-models/view-sql.js';

/** One line of the committee-papers table. */
export interface ActionLogRow {
  readonly actionId: string;
  readonly ref: string;
  readonly meetingId: string;
  /** The UK date of the meeting the action arose at. */
  readonly meetingDate: string;
  readonly itemNumber: string | null;
  readonly itemTitle: string | null;
  /** The paper the item was taken on, as the agenda gives it (e.g. "Ref: 7"). */
  readonly paperRef: string | null;
  readonly partLabel: string | null;
  readonly action: string;
  /** The post's title, with its holder's name in brackets when it is held. */
  readonly owner: string;
  readonly ownerPost: { readonly postId: string; readonly title: string | null };
  readonly holder: { readonly personId: string; readonly name: string | null } | null;
  readonly dueOn: string | null;
  /**
   * `open`, `overdue` (open past its due date), `completed` (awaiting sign-off), `complete` (signed off: closed)
   * or `withdrawn`; never the RAG, which is `ragStatus`.
   */
  readonly status: string;
  /** The last RAG an officer reported. */
  readonly ragStatus: string | null;
  readonly latestUpdate: string | null;
  /** What the officer reported on completion. */
  readonly outcome: string | null;
  readonly signOffNote: string | null;
  /** The UK date it was signed off (or withdrawn), as the council's world dates it. */
  readonly dateClosed: string | null;
}

/** What a committee reads in the Status column: a signed-off action is complete. */
const logStatus = (status: string, overdue: boolean): string => (overdue ? 'overdue' : status === 'closed' ? 'complete' : status);

export interface ActionLog {
  readonly committee: { readonly committeeId: string; readonly name: string };
  /** The instant the log is shown as recorded at when one was asked for, else the UK date overdue is judged on. */
  readonly asOf: string;
  /** The UK date "overdue" is judged on: `overdueOn`, else the day of `asOf`, else today. */
  readonly overdueOn: string;
  /** By meeting date, then ref. */
  readonly rows: readonly ActionLogRow[];
  /** Pass as `after` for the next page; null on the last page. */
  readonly nextAfter: string | null;
}

export interface ActionLogPaging {
  /** An instant: the log as recorded then. A UK date is taken as `overdueOn`, as before that parameter existed. */
  readonly asOf?: string | undefined;
  /** A UK date: overdue as of that day. */
  readonly overdueOn?: string | undefined;
  readonly after?: string | undefined;
  /** Rows per page; undefined for the whole log (the CSV export). */
  readonly limit?: number | undefined;
  /** Only the rows it keeps, judged in the query on the log as it is now (so not with an `asOf` instant). */
  readonly filter?: ActionLogFilter | undefined;
}

/** What the web console's action log filters by; an absent value keeps every row. */
export interface ActionLogFilter {
  /** A Status column value: open (and not overdue), overdue, completed, complete (signed off) or withdrawn. */
  readonly status?: string | undefined;
  readonly overdueOnly?: boolean | undefined;
  readonly meetingId?: string | undefined;
}

/** The Status column's values as conditions on the read model; `$2` is the date overdue is judged on. */
const STATUS_SQL: Readonly<Record<string, string>> = {
  open: `a.status = 'open' AND (a.due_on IS NULL OR a.due_on >= $2::date)`,
  overdue: overdueSql('$2'),
  completed: `a.status = 'completed'`,
  complete: `a.status = 'closed'`,
  withdrawn: `a.status = 'withdrawn'`,
};

/** The filter as one SQL condition, its values appended to `params`; a status or meeting that names nothing keeps no row. */
function filterSql(filter: ActionLogFilter | undefined, params: unknown[]): string {
  if (!filter) return 'TRUE';
  const conditions: string[] = [];
  if (filter.status !== undefined) conditions.push(Object.hasOwn(STATUS_SQL, filter.status) ? `(${STATUS_SQL[filter.status]})` : 'FALSE');
  if (filter.overdueOnly) conditions.push(`(${overdueSql('$2')})`);
  if (filter.meetingId !== undefined) conditions.push(`a.meeting_id = $${params.push(filter.meetingId)}`);
  return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
}

export class GetActionLogQuery extends Query<ActionLog> {
  constructor(
    readonly committeeId: string,
    readonly paging: ActionLogPaging = {},
  ) {
    super();
  }
}

type LogRow = {
  action_id: string;
  ref: string;
  meeting_id: string;
  meeting_date: string;
  item_number: string | null;
  item_title: string | null;
  paper_ref: string | null;
  part_label: string | null;
  title: string;
  owner_post_id: string;
  post_title: string | null;
  holder_person_id: string | null;
  holder_name: string | null;
  due_on: string | null;
  status: string;
  overdue: boolean;
  rag: string | null;
  latest_note: string | null;
  outcome: string | null;
  sign_off_note: string | null;
  date_closed: string | null;
  meeting_starts_at: string;
  ref_number: number;
};

export function ownerLabel(postTitle: string | null, holderName: string | null, postId: string): string {
  const title = postTitle ?? `Post ${postId}`;
  return holderName ? `${title} (${holderName})` : title;
}

const toLogRow = (r: LogRow): ActionLogRow => ({
  actionId: r.action_id,
  ref: r.ref,
  meetingId: r.meeting_id,
  meetingDate: r.meeting_date,
  itemNumber: r.item_number,
  itemTitle: r.item_title,
  paperRef: r.paper_ref,
  partLabel: r.part_label,
  action: r.title,
  owner: ownerLabel(r.post_title, r.holder_name, r.owner_post_id),
  ownerPost: { postId: r.owner_post_id, title: r.post_title },
  holder: r.holder_person_id === null ? null : { personId: r.holder_person_id, name: r.holder_name },
  dueOn: r.due_on,
  status: logStatus(r.status, r.overdue),
  ragStatus: r.rag,
  latestUpdate: r.latest_note,
  outcome: r.outcome,
  signOffNote: r.sign_off_note,
  dateClosed: r.date_closed,
});

/** Where the whole log is asked for (the CSV), it is still read a bounded page at a time. */
const WHOLE_LOG_PAGE = 500;

/**
 * The committee's action log as printed in its papers, with the dates things happened; "overdue" is worked out as
 * of `overdueOn`, today by default. With an `asOf` instant, the rows are the actions recorded by then, each folded
 * from its stream up to that instant (the recording clock: what the record said at that moment).
 */
@QueryHandler(GetActionLogQuery)
export class GetActionLogHandler implements IQueryHandler<GetActionLogQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ committeeId, paging }: GetActionLogQuery): Promise<ActionLog> {
    const { rows: committees } = await this.db.query<{ name: string }>(
      `SELECT name FROM ${readModelTables.committees} WHERE committee_id = $1`,
      [committeeId],
    );
    const committee = committees[0];
    if (!committee) throw notFound('committee-not-found', `Committee ${committeeId} does not exist`, { committeeId });
    const instant = paging.asOf !== undefined && isInstant(paging.asOf) ? new Date(paging.asOf) : undefined;
    const asOfDate = instant ? undefined : paging.asOf;
    if (asOfDate !== undefined && paging.overdueOn !== undefined) {
      throw invalid('overdue-on-given-twice', 'Give the date overdue is judged on once, as overdueOn (asOf takes an instant)', {
        asOf: asOfDate,
        overdueOn: paging.overdueOn,
      });
    }
    const overdueOn = paging.overdueOn ?? asOfDate ?? (instant ? ukDateOf(instant) : viewDate(this.clock, undefined));
    const asOf = instant ? (paging.asOf as string) : overdueOn;
    if (instant && paging.filter) throw new Error('the action log filters the log as it is now, not as it stood at an instant');
    if (paging.limit !== undefined) {
      const page = await this.page(
        committeeId,
        overdueOn,
        instant,
        paging.after === undefined ? undefined : decodeActionLogCursor(paging.after),
        paging.limit,
        paging.filter,
      );
      return { committee: { committeeId, name: committee.name }, asOf, overdueOn, ...page };
    }
    const rows: ActionLogRow[] = [];
    let after = paging.after === undefined ? undefined : decodeActionLogCursor(paging.after);
    for (;;) {
      const page = await this.page(committeeId, overdueOn, instant, after, WHOLE_LOG_PAGE, paging.filter);
      rows.push(...page.rows);
      if (page.nextAfter === null) break;
      after = decodeActionLogCursor(page.nextAfter);
    }
    return { committee: { committeeId, name: committee.name }, asOf, overdueOn, rows, nextAfter: null };
  }

  private async page(
    committeeId: string,
    overdueOn: string,
    instant: Date | undefined,
    after: ActionLogKey | undefined,
    limit: number,
    filter: ActionLogFilter | undefined,
  ) {
    const params: unknown[] = [committeeId, overdueOn, limit + 1];
    const kept = filterSql(filter, params);
    const afterSql = after
      ? `(a.meeting_starts_at, ${refNumberSql()}, a.action_id) > ($${params.push(after.meetingStartsAt)}::timestamptz, $${params.push(after.refNumber)}::int, $${params.push(after.actionId)})`
      : 'TRUE';
    // An action existed at the instant when the first event of its stream was recorded by then.
    const existedSql = instant
      ? `EXISTS (SELECT 1 FROM ${readModelTables.audit} e WHERE e.stream_id = ${streamIdSql('action', 'a.action_id')} AND e.stream_version = 1
                  AND e.recorded_at <= $${params.push(instant.toISOString())}::timestamptz)`
      : 'TRUE';
    // The page's keys first, from the committee's actions alone; then only those rows are joined to their meeting's
    // agenda item and owner post (joined before the sort, every action of the committee paid for the join).
    const { rows } = await this.db.query<LogRow>(
      `SELECT a.action_id, a.ref, a.meeting_id, ${ukDay('a.meeting_starts_at')} AS meeting_date, a.item_number,
              item.title AS item_title, item.paper_ref,
              a.part_label, a.title, a.owner_post_id, p.title AS post_title, p.holder_person_id,
              p.holder_name, ${isoDate('a.due_on')} AS due_on, a.status,
              (${overdueSql('$2')}) AS overdue, a.rag, a.latest_note, a.outcome, a.sign_off_note,
              ${ukDay('coalesce(a.closed_at, a.withdrawn_at)')} AS date_closed,
              ${isoInstant('a.meeting_starts_at')} AS meeting_starts_at, ${refNumberSql()} AS ref_number
         FROM (SELECT a.action_id FROM ${readModelTables.actions} a
                WHERE a.committee_id = $1 AND ${afterSql} AND ${existedSql} AND ${kept}
                ORDER BY a.meeting_starts_at, ${refNumberSql()}, a.action_id
                LIMIT $3) page
         JOIN ${readModelTables.actions} a ON a.action_id = page.action_id
         LEFT JOIN ${readModelTables.meetings} m ON m.meeting_id = a.meeting_id
         LEFT JOIN LATERAL (
           SELECT i->>'title' AS title, i->>'paperRef' AS paper_ref FROM jsonb_array_elements(m.items) i
            WHERE i->>'number' = a.item_number LIMIT 1
         ) item ON TRUE
         LEFT JOIN ${readModelTables.posts} p ON p.post_id = a.owner_post_id
        ORDER BY a.meeting_starts_at, ${refNumberSql()}, a.action_id`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextAfter =
      rows.length > limit && last
        ? encodeActionLogCursor({ meetingStartsAt: last.meeting_starts_at, refNumber: last.ref_number, actionId: last.action_id })
        : null;
    const stood = instant ? await this.asTheyStood(page, instant, overdueOn) : page;
    return { rows: stood.map(toLogRow), nextAfter };
  }

  /** The page's rows with what changes over an action's life as it stood at the instant. */
  private async asTheyStood(rows: readonly LogRow[], instant: Date, overdueOn: string): Promise<LogRow[]> {
    const stood = await actionsAsTheyStood(
      this.store,
      rows.map((r) => r.action_id),
      instant,
    );
    const ids = (pick: (a: ActionAsItStood) => string | null) =>
      JSON.stringify([...new Set([...stood.values()].map(pick).filter((v) => v !== null))]);
    const [meetings, posts] = await Promise.all([
      this.db.query<{ meeting_id: string; starts_at: string }>(
        `SELECT meeting_id, ${isoInstant('starts_at')} AS starts_at FROM ${readModelTables.meetings} WHERE meeting_id IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))`,
        [ids((a) => a.dueMeetingId)],
      ),
      this.db.query<{ post_id: string; title: string | null; holder_person_id: string | null; holder_name: string | null }>(
        `SELECT post_id, title, holder_person_id, holder_name FROM ${readModelTables.posts} WHERE post_id IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))`,
        [ids((a) => a.ownerPostId)],
      ),
    ]);
    const meetingDay = new Map(meetings.rows.map((m) => [m.meeting_id, ukDateOf(m.starts_at)]));
    const post = new Map(posts.rows.map((p) => [p.post_id, p]));
    return rows.flatMap((row) => {
      const then = stood.get(row.action_id);
      if (!then) return [];
      const dueOn = then.dueOn ?? (then.dueMeetingId ? (meetingDay.get(then.dueMeetingId) ?? null) : null);
      const owner = post.get(then.ownerPostId);
      return [
        {
          ...row,
          status: then.status,
          rag: then.rag,
          latest_note: then.latestNote,
          outcome: then.outcome,
          sign_off_note: then.signOffNote,
          due_on: dueOn,
          overdue: isOverdueOn({ status: then.status, dueOn }, overdueOn),
          date_closed: ukDateOfInstant(then.closedAt ?? then.withdrawnAt),
          owner_post_id: then.ownerPostId,
          post_title: owner?.title ?? null,
          holder_person_id: owner?.holder_person_id ?? null,
          holder_name: owner?.holder_name ?? null,
        },
      ];
    });
  }
}
