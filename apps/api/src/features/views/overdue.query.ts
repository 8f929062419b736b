import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound } from '#domain';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '../../platform/index.js';
import { Clock } from '../shared/clock.js';
import { responsesDue, type ResponseDue } from './responses-due.js';
import { afterKeySql, decodeCursor, pageOf } from './page-cursor.js';
import { daysPastDueSql, overdueSql } from '../../read-models/overdue.sql.js';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { viewDate } from '../../read-models/view-date.js';
import { isoDate, isoInstant, preparedView } from '../../read-models/view-sql.js';

export interface OverdueAction {
  readonly actionId: string;
  readonly ref: string;
  readonly title: string;
  readonly committee: { readonly committeeId: string; readonly name: string | null };
  readonly ownerPost: { readonly postId: string; readonly title: string | null };
  /** Null when the post is vacant: nobody owns the action until someone is appointed. */
  readonly holder: { readonly personId: string; readonly name: string | null } | null;
  readonly dueOn: string;
  readonly daysOverdue: number;
  readonly lastChasedAt: string | null;
  readonly chaseCount: number;
}

export interface ChaseList {
  readonly asOf: string;
  readonly committeeId: string | null;
  /** Most overdue first. */
  readonly actions: readonly OverdueAction[];
  readonly nextAfter: string | null;
  /**
   * Executive responses to recommendations due within 14 days or overdue, soonest due first: whole on the first
   * page, empty on the pages after it (which continue the actions).
   */
  readonly responses: readonly ResponseDue[];
}

export class GetChaseListQuery extends Query<ChaseList> {
  constructor(
    readonly filter: {
      readonly committeeId?: string | undefined;
      readonly asOf?: string | undefined;
      readonly after?: string | undefined;
      readonly limit: number;
    },
  ) {
    super();
  }
}

type OverdueRow = {
  action_id: string;
  ref: string;
  title: string;
  committee_id: string;
  committee_name: string | null;
  owner_post_id: string;
  post_title: string | null;
  holder_person_id: string | null;
  holder_name: string | null;
  due_on: string;
  days_overdue: number;
  last_chased_at: string | null;
  chase_count: number | null;
};

const toOverdue = (r: OverdueRow): OverdueAction => ({
  actionId: r.action_id,
  ref: r.ref,
  title: r.title,
  committee: { committeeId: r.committee_id, name: r.committee_name },
  ownerPost: { postId: r.owner_post_id, title: r.post_title },
  holder: r.holder_person_id === null ? null : { personId: r.holder_person_id, name: r.holder_name },
  dueOn: r.due_on,
  daysOverdue: r.days_overdue,
  lastChasedAt: r.last_chased_at,
  chaseCount: r.chase_count ?? 0,
});

/**
 * The chase list: open actions past their due date as of `asOf` (today by the Clock), worked out now, never stored;
 * and the executive responses due soon or overdue.
 */
@QueryHandler(GetChaseListQuery)
export class GetChaseListHandler implements IQueryHandler<GetChaseListQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {}

  async execute({ filter }: GetChaseListQuery): Promise<ChaseList> {
    const { committeeId, limit } = filter;
    const asOf = viewDate(this.clock, filter.asOf);
    const responses = filter.after === undefined ? await responsesDue(this.db, asOf, committeeId) : [];
    const params: unknown[] = [asOf, limit + 1];
    // A committee named but unknown is a 404; looked up in the same round trip as its chase list.
    const scope =
      committeeId === undefined
        ? { rows: '(SELECT NULL::text AS committee_id) scope', filter: 'TRUE' }
        : {
            rows: `(SELECT committee_id FROM ${readModelTables.committees} WHERE committee_id = $${params.push(committeeId)}) scope`,
            filter: 'a.committee_id = scope.committee_id',
          };
    const after = afterKeySql(filter.after === undefined ? undefined : decodeCursor(filter.after), params, { undated: false });
    const sql = `
      SELECT q.* FROM ${scope.rows} LEFT JOIN LATERAL (
        SELECT a.action_id, a.ref, a.title, a.committee_id, c.name AS committee_name, a.owner_post_id, p.title AS post_title,
               p.holder_person_id, p.holder_name, ${isoDate('a.due_on')} AS due_on,
               ${daysPastDueSql('$1')} AS days_overdue, ${isoInstant('a.last_chased_at')} AS last_chased_at, a.chase_count
          FROM ${readModelTables.actions} a
          LEFT JOIN ${readModelTables.committees} c ON c.committee_id = a.committee_id
          LEFT JOIN ${readModelTables.posts} p ON p.post_id = a.owner_post_id
         WHERE ${overdueSql('$1')} AND ${scope.filter} AND ${after}
         ORDER BY a.due_on, a.action_id
         LIMIT $2
      ) q ON TRUE
      ORDER BY q.due_on, q.action_id`;
    const { rows } = await this.db.query<OverdueRow | { [K in keyof OverdueRow]: null }>(sql, params, preparedView(sql));
    if (committeeId !== undefined && rows.length === 0) {
      throw notFound('committee-not-found', `Committee ${committeeId} does not exist`, { committeeId });
    }
    const overdue = rows.filter((r): r is OverdueRow => r.action_id !== null);
    const page = pageOf(overdue, limit, (r) => ({ dueOn: r.due_on, actionId: r.action_id }));
    return { asOf, committeeId: committeeId ?? null, actions: page.rows.map(toOverdue), nextAfter: page.nextAfter, responses };
  }
}
