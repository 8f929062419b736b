import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound } from '#domain';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '../../platform/index.js';
import { readModelTables as t } from '../../read-models/read-model-tables.js';

export interface CommitteeEscalation {
  /** Null until one is set; the post's title is absent when the post is no longer in the directory. */
  readonly escalation: { readonly postId: string; readonly postTitle?: string; readonly afterDays: number } | null;
  /** The committee stream's version, for If-Match on setting the escalation. */
  readonly version: number;
}

export class GetCommitteeEscalationQuery extends Query<CommitteeEscalation> {
  constructor(readonly committeeId: string) {
    super();
  }
}

type EscalationRow = {
  escalation_post_id: string | null;
  escalation_after_days: number | null;
  post_title: string | null;
  version: number;
};

/** Where a committee's overdue actions are escalated, from its row in the read model. */
@QueryHandler(GetCommitteeEscalationQuery)
export class GetCommitteeEscalationHandler implements IQueryHandler<GetCommitteeEscalationQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ committeeId }: GetCommitteeEscalationQuery): Promise<CommitteeEscalation> {
    const { rows } = await this.db.query<EscalationRow>(
      `SELECT c.escalation_post_id, c.escalation_after_days, p.title AS post_title, c.version
         FROM ${t.committees} c LEFT JOIN ${t.posts} p ON p.post_id = c.escalation_post_id
        WHERE c.committee_id = $1`,
      [committeeId],
    );
    const row = rows[0];
    if (!row) throw notFound('committee-not-found', `Committee ${committeeId} does not exist`, { committeeId });
    const { escalation_post_id: postId, escalation_after_days: afterDays, post_title: postTitle } = row;
    return {
      escalation: postId !== null && afterDays !== null ? { postId, ...(postTitle !== null ? { postTitle } : {}), afterDays } : null,
      version: row.version,
    };
  }
}
