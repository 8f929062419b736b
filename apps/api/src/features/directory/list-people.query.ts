import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '../../platform/index.js';
import { afterListKeySql, containsSql, decodeListKey, listPageOf } from '../../read-models/list-page.js';
import { readModelTables } from '../../read-models/read-model-tables.js';
import type { ListPaging } from '../shared/list-query.dto.js';

export interface PersonListEntry {
  readonly personId: string;
  readonly name: string;
  readonly email?: string;
}

export interface PersonList {
  /** In name order. */
  readonly people: readonly PersonListEntry[];
  readonly nextAfter: string | null;
}

export class ListPeopleQuery extends Query<PersonList> {
  constructor(
    readonly name: string | undefined,
    readonly paging: ListPaging,
  ) {
    super();
  }
}

type PersonRow = { person_id: string; name: string; email: string | null };

@QueryHandler(ListPeopleQuery)
export class ListPeopleHandler implements IQueryHandler<ListPeopleQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ name, paging }: ListPeopleQuery): Promise<PersonList> {
    const params: unknown[] = [];
    const after = paging.after === undefined ? undefined : decodeListKey(paging.after);
    const { rows } = await this.db.query<PersonRow>(
      `SELECT p.person_id, p.name, p.email
         FROM ${readModelTables.people} p
        WHERE ${containsSql('p.name', name, params)} AND ${afterListKeySql(after, { sorted: 'p.name', id: 'p.person_id' }, params)}
        ORDER BY p.name, p.person_id
        LIMIT ${paging.limit + 1}`,
      params,
    );
    const page = listPageOf(rows, paging.limit, (r) => [r.name, r.person_id]);
    return {
      people: page.rows.map((r) => ({ personId: r.person_id, name: r.name, ...(r.email === null ? {} : { email: r.email }) })),
      nextAfter: page.nextAfter,
    };
  }
}
