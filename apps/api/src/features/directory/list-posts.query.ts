import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '../../platform/index.js';
import { afterListKeySql, containsSql, decodeListKey, listPageOf } from '../../read-models/list-page.js';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { isoDate } from '../../read-models/view-sql.js';
import type { ListPaging } from '../shared/list-query.dto.js';
import type { PostHolderView } from './post-record.sql.js';

export interface PostListEntry {
  readonly postId: string;
  readonly title: string;
  readonly department?: string;
  readonly holder: PostHolderView | null;
}

export interface PostList {
  /** In title order. */
  readonly posts: readonly PostListEntry[];
  readonly nextAfter: string | null;
}

export class ListPostsQuery extends Query<PostList> {
  constructor(
    readonly title: string | undefined,
    readonly paging: ListPaging,
  ) {
    super();
  }
}

type PostRow = {
  post_id: string;
  title: string;
  department: string | null;
  holder_person_id: string | null;
  holder_name: string | null;
  holder_from: string | null;
};

@QueryHandler(ListPostsQuery)
export class ListPostsHandler implements IQueryHandler<ListPostsQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ title, paging }: ListPostsQuery): Promise<PostList> {
    const params: unknown[] = [];
    const after = paging.after === undefined ? undefined : decodeListKey(paging.after);
    const { rows } = await this.db.query<PostRow>(
      `SELECT p.post_id, p.title, p.department, p.holder_person_id, p.holder_name, ${isoDate('p.holder_from')} AS holder_from
         FROM ${readModelTables.posts} p
        WHERE ${containsSql('p.title', title, params)} AND ${afterListKeySql(after, { sorted: 'p.title', id: 'p.post_id' }, params)}
        ORDER BY p.title, p.post_id
        LIMIT ${paging.limit + 1}`,
      params,
    );
    const page = listPageOf(rows, paging.limit, (r) => [r.title, r.post_id]);
    return {
      posts: page.rows.map((r) => ({
        postId: r.post_id,
        title: r.title,
        ...(r.department === null ? {} : { department: r.department }),
        holder: r.holder_person_id === null ? null : { personId: r.holder_person_id, name: r.holder_name, from: r.holder_from ?? '' },
      })),
      nextAfter: page.nextAfter,
    };
  }
}
