import type { SqlQueryable } from '#event-store';
import { ProblemException } from '../../platform/index.js';
import { readModelTables, RECORDS_CHECKPOINT } from '../../read-models/read-model-tables.js';
import { isoDate, streamIdSql } from '../../read-models/view-sql.js';

export interface PostHolderView {
  readonly personId: string;
  /** Null only if the person's record is missing, which the appointment rule prevents. */
  readonly name: string | null;
  readonly from: string;
}

export interface PostView {
  readonly postId: string;
  readonly title: string;
  readonly department?: string;
  readonly createdAt: string;
  readonly holder: PostHolderView | null;
  readonly version: number;
}

type PostRow = {
  post_id: string;
  title: string;
  department: string | null;
  holder_person_id: string | null;
  holder_name: string | null;
  holder_from: string | null;
  version: number | null;
  created_at: string | null;
};

/**
 * A post from rm_posts, with the version and creation time it does not keep taken from the audit log: only events the
 * records projection has applied count, so the ETag never runs ahead of the holder shown (behind, If-Match just fails).
 */
export async function readPost(db: SqlQueryable, postId: string): Promise<PostView | undefined> {
  const { rows } = await db.query<PostRow>(
    `SELECT p.post_id, p.title, p.department, p.holder_person_id, p.holder_name,
            ${isoDate('p.holder_from')} AS holder_from, s.version, s.created_at
       FROM ${readModelTables.posts} p
       LEFT JOIN LATERAL (
         SELECT max(e.stream_version) AS version, min(e.data->>'createdAt') FILTER (WHERE e.stream_version = 1) AS created_at
           FROM ${readModelTables.audit} e
          WHERE e.stream_id = ${streamIdSql('post', 'p.post_id')}
            AND e.global_position <= (SELECT c.position FROM checkpoints c WHERE c.name = $2)
       ) s ON TRUE
      WHERE p.post_id = $1`,
    [postId, RECORDS_CHECKPOINT],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.version === null || row.created_at === null) {
    throw new ProblemException({
      status: 503,
      code: 'projection-behind',
      headers: { 'Retry-After': '1' },
      detail: `The audit log has not caught up with post ${postId} yet; retry shortly`,
    });
  }
  return {
    postId: row.post_id,
    title: row.title,
    ...(row.department === null ? {} : { department: row.department }),
    createdAt: row.created_at,
    holder: row.holder_person_id === null ? null : { personId: row.holder_person_id, name: row.holder_name, from: row.holder_from ?? '' },
    version: Number(row.version),
  };
}
