import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound } from '#domain';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '../../platform/index.js';
import { Clock } from '../shared/clock.js';
import { afterKeySql, decodeCursor, pageOf } from './page-cursor.js';
import { daysOverdueSql } from '../../read-models/overdue.sql.js';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { viewDate } from '../../read-models/view-date.js';
import { isoDate, isoInstant, preparedView } from '../../read-models/view-sql.js';

export interface QueuedAction {
  readonly actionId: string;
  readonly ref: string;
  readonly title: string;
  /** open, or completed and awaiting sign-off. */
  readonly status: string;
  readonly committeeId: string;
  readonly meetingId: string;
  readonly dueOn: string | null;
  readonly overdue: boolean;
  readonly daysOverdue: number;
  readonly rag: string | null;
  readonly latestUpdate: { readonly note: string; readonly reportedAt: string } | null;
  readonly chaseCount: number;
  readonly lastChasedAt: string | null;
  readonly completedAt: string | null;
  readonly ownerPost: { readonly postId: string; readonly title: string };
}

export interface QueuePage {
  readonly asOf: string;
  readonly actions: readonly QueuedAction[];
  /** Pass as `after` for the next page; null on the last page. */
  readonly nextAfter: string | null;
}

export interface PostQueue extends QueuePage {
  readonly post: {
    readonly postId: string;
    readonly title: string;
    readonly holder: { readonly personId: string; readonly name: string | null } | null;
  };
}

export interface PersonQueue extends QueuePage {
  readonly personId: string;
  /** The posts the person holds now: their queue is these posts' actions. */
  readonly posts: readonly { readonly postId: string; readonly title: string }[];
}

export interface QueuePaging {
  readonly asOf?: string | undefined;
  readonly after?: string | undefined;
  readonly limit: number;
}

export class GetPostQueueQuery extends Query<PostQueue> {
  constructor(
    readonly postId: string,
    readonly paging: QueuePaging,
  ) {
    super();
  }
}

export class GetPersonQueueQuery extends Query<PersonQueue> {
  constructor(
    readonly personId: string,
    readonly paging: QueuePaging,
  ) {
    super();
  }
}

type QueueRow = {
  action_id: string;
  ref: string;
  title: string;
  status: string;
  committee_id: string;
  meeting_id: string;
  due_on: string | null;
  days_overdue: number;
  rag: string | null;
  latest_note: string | null;
  latest_update_at: string | null;
  chase_count: number | null;
  last_chased_at: string | null;
  completed_at: string | null;
  owner_post_id: string;
  post_title: string;
};

/** Named apart from the queued action's own columns, which sit beside it in the same row. */
type PostRow = { queue_post_title: string; queue_holder_id: string | null; queue_holder_name: string | null };
type HeldPostsRow = { posts: { postId: string; title: string }[] };

/** A row of the owner with, when the queue is not empty, one queued action beside it (LEFT JOIN LATERAL). */
type WithQueueRow<Owner> = Owner & (QueueRow | { [K in keyof QueueRow]: null });

const toQueued = (r: QueueRow): QueuedAction => ({
  actionId: r.action_id,
  ref: r.ref,
  title: r.title,
  status: r.status,
  committeeId: r.committee_id,
  meetingId: r.meeting_id,
  dueOn: r.due_on,
  overdue: r.days_overdue > 0,
  daysOverdue: r.days_overdue,
  rag: r.rag,
  latestUpdate: r.latest_note === null || r.latest_update_at === null ? null : { note: r.latest_note, reportedAt: r.latest_update_at },
  chaseCount: r.chase_count ?? 0,
  lastChasedAt: r.last_chased_at,
  completedAt: r.completed_at,
  ownerPost: { postId: r.owner_post_id, title: r.post_title },
});

/**
 * The queue of the posts `owners` (SQL yielding post_id, title) names, as a LATERAL subquery: soonest due first,
 * undated last, one row beyond the page. Each view reads its owner and its queue in one round trip. The page's
 * keys come first from the queue index alone (an index-only scan in the queue's order, stopped at the limit),
 * then only those rows are read: the planner cannot know how many actions a post owns when the post is a join
 * parameter, and a sort of every one of a busy post's actions would be the price of guessing wrong.
 */
function queueSql(owners: string, paging: QueuePaging, params: unknown[]): string {
  params.push(paging.limit + 1);
  const limit = `$${params.length}`;
  const after = afterKeySql(paging.after === undefined ? undefined : decodeCursor(paging.after), params, { undated: true }, 'k');
  return `
    LEFT JOIN LATERAL (
      SELECT a.action_id, a.ref, a.title, a.status, a.committee_id, a.meeting_id, ${isoDate('a.due_on')} AS due_on,
             ${daysOverdueSql('$2')} AS days_overdue, a.rag, a.latest_note, ${isoInstant('a.latest_update_at')} AS latest_update_at,
             a.chase_count, ${isoInstant('a.last_chased_at')} AS last_chased_at, ${isoInstant('a.completed_at')} AS completed_at,
             a.owner_post_id, owner.title AS post_title
        FROM (SELECT k.action_id
                FROM ${owners} keyed JOIN ${readModelTables.actions} k ON k.owner_post_id = keyed.post_id
               WHERE k.status IN ('open', 'completed') AND ${after}
               ORDER BY k.due_on NULLS LAST, k.action_id
               LIMIT ${limit}) page
        JOIN ${readModelTables.actions} a ON a.action_id = page.action_id
        JOIN ${owners} owner ON owner.post_id = a.owner_post_id
       ORDER BY a.due_on NULLS LAST, a.action_id
    ) q ON TRUE`;
}

function pageFrom<Owner>(rows: readonly WithQueueRow<Owner>[], asOf: string, limit: number): QueuePage {
  const queued = rows.filter((r): r is Owner & QueueRow => r.action_id !== null);
  const page = pageOf(queued, limit, (r) => ({ dueOn: r.due_on, actionId: r.action_id }));
  return { asOf, actions: page.rows.map(toQueued), nextAfter: page.nextAfter };
}

/** A post's queue: whoever holds the post now sees it, so a new holder inherits it at once. */
@QueryHandler(GetPostQueueQuery)
export class GetPostQueueHandler implements IQueryHandler<GetPostQueueQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {}

  async execute({ postId, paging }: GetPostQueueQuery): Promise<PostQueue> {
    const asOf = viewDate(this.clock, paging.asOf);
    const params: unknown[] = [postId, asOf];
    const sql = `
      SELECT p.title AS queue_post_title, p.holder_person_id AS queue_holder_id, p.holder_name AS queue_holder_name, q.*
        FROM ${readModelTables.posts} p
        ${queueSql('(SELECT p.post_id, p.title)', paging, params)}
       WHERE p.post_id = $1
       ORDER BY q.due_on NULLS LAST, q.action_id`;
    const { rows } = await this.db.query<WithQueueRow<PostRow>>(sql, params, preparedView(sql));
    const post = rows[0];
    if (!post) throw notFound('post-not-found', `Post ${postId} does not exist`, { postId });
    const holder = post.queue_holder_id === null ? null : { personId: post.queue_holder_id, name: post.queue_holder_name };
    return { post: { postId, title: post.queue_post_title, holder }, ...pageFrom(rows, asOf, paging.limit) };
  }
}

/** A person's queue: the actions of every post they hold now. */
@QueryHandler(GetPersonQueueQuery)
export class GetPersonQueueHandler implements IQueryHandler<GetPersonQueueQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {}

  async execute({ personId, paging }: GetPersonQueueQuery): Promise<PersonQueue> {
    const asOf = viewDate(this.clock, paging.asOf);
    const params: unknown[] = [personId, asOf];
    const sql = `
      WITH held AS (SELECT post_id, title FROM ${readModelTables.posts} WHERE holder_person_id = $1)
      SELECT h.posts, q.*
        FROM (SELECT coalesce(jsonb_agg(jsonb_build_object('postId', post_id, 'title', title) ORDER BY title, post_id), '[]'::jsonb) AS posts
                FROM held) h
        ${queueSql('held', paging, params)}
       ORDER BY q.due_on NULLS LAST, q.action_id`;
    const { rows } = await this.db.query<WithQueueRow<HeldPostsRow>>(sql, params, preparedView(sql));
    return { personId, posts: rows[0]?.posts ?? [], ...pageFrom(rows, asOf, paging.limit) };
  }
}
