import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '../../platform/index.js';
import { AUDIT_EVENT_COLUMNS, AUDIT_EVENTS, AuditEvent, auditEventOf, type AuditEventRow } from './audit-event.js';

export interface AuditEventsFilter {
  readonly streamId?: string | undefined;
  readonly actorId?: string | undefined;
  readonly type?: string | undefined;
  /** Inclusive. */
  readonly from?: string | undefined;
  /** Exclusive. */
  readonly to?: string | undefined;
  /** A global position, as digits: only events past it. */
  readonly after: string;
  readonly limit: number;
}

export class AuditEventsPage {
  @ApiProperty({ type: [AuditEvent] }) readonly events!: readonly AuditEvent[];
  @ApiProperty({ type: Number, nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  readonly nextAfter!: number | null;
}

export class SearchAuditEventsQuery extends Query<AuditEventsPage> {
  constructor(readonly filter: AuditEventsFilter) {
    super();
  }
}

/** Keyset paging on the global position, which every filter's index ends with. */
@QueryHandler(SearchAuditEventsQuery)
export class SearchAuditEventsHandler implements IQueryHandler<SearchAuditEventsQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: SearchAuditEventsQuery): Promise<AuditEventsPage> {
    const params: unknown[] = [filter.after];
    const where = ['global_position > $1::bigint'];
    const add = (condition: (placeholder: string) => string, value: string | undefined) => {
      if (value === undefined) return;
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    add((p) => `stream_id = ${p}`, filter.streamId);
    add((p) => `actor_id = ${p}`, filter.actorId);
    add((p) => `type = ${p}`, filter.type);
    add((p) => `recorded_at >= ${p}::timestamptz`, filter.from);
    add((p) => `recorded_at < ${p}::timestamptz`, filter.to);
    params.push(filter.limit + 1);
    const { rows } = await this.db.query<AuditEventRow>(
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM ${AUDIT_EVENTS} WHERE ${where.join(' AND ')} ORDER BY global_position LIMIT $${params.length}`,
      params,
    );
    // One row more than asked says whether another page exists, so the last page never needs a further request.
    const events = rows.slice(0, filter.limit).map(auditEventOf);
    const more = rows.length > filter.limit;
    return { events, nextAfter: more ? (events.at(-1)?.globalPosition ?? null) : null };
  }
}
