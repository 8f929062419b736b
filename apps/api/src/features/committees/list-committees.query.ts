import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CommitteeKind } from '#domain';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '../../platform/index.js';
import { afterListKeySql, containsSql, decodeListKey, listPageOf } from '../../read-models/list-page.js';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { isoInstant } from '../../read-models/view-sql.js';
import type { ListPaging } from '../shared/list-query.dto.js';

export interface CommitteeListEntry {
  readonly committeeId: string;
  readonly name: string;
  readonly kind: CommitteeKind;
  readonly createdAt: string;
}

export interface CommitteeList {
  /** In name order. */
  readonly committees: readonly CommitteeListEntry[];
  readonly nextAfter: string | null;
}

export class ListCommitteesQuery extends Query<CommitteeList> {
  constructor(
    readonly name: string | undefined,
    readonly paging: ListPaging,
  ) {
    super();
  }
}

type CommitteeRow = { committee_id: string; name: string; kind: CommitteeKind; created_at: string };

@QueryHandler(ListCommitteesQuery)
export class ListCommitteesHandler implements IQueryHandler<ListCommitteesQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ name, paging }: ListCommitteesQuery): Promise<CommitteeList> {
    const params: unknown[] = [];
    const after = paging.after === undefined ? undefined : decodeListKey(paging.after);
    const { rows } = await this.db.query<CommitteeRow>(
      `SELECT c.committee_id, c.name, c.kind, ${isoInstant('c.created_at')} AS created_at
         FROM ${readModelTables.committees} c
        WHERE ${containsSql('c.name', name, params)} AND ${afterListKeySql(after, { sorted: 'c.name', id: 'c.committee_id' }, params)}
        ORDER BY c.name, c.committee_id
        LIMIT ${paging.limit + 1}`,
      params,
    );
    const page = listPageOf(rows, paging.limit, (r) => [r.name, r.committee_id]);
    return {
      committees: page.rows.map((r) => ({ committeeId: r.committee_id, name: r.name, kind: r.kind, createdAt: r.created_at })),
      nextAfter: page.nextAfter,
    };
  }
}
