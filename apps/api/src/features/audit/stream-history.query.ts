import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '../../platform/index.js';
import { AUDIT_EVENT_COLUMNS, AUDIT_EVENTS, AuditEvent, auditEventOf, type AuditEventRow } from './audit-event.js';

export class StreamHistory {
  @ApiProperty() readonly streamId!: string;
  @ApiProperty({ description: "The version of the stream's last event" }) readonly version!: number;
  @ApiProperty({ type: [AuditEvent], description: 'In version order, one page' }) readonly events!: readonly AuditEvent[];
  @ApiProperty({ type: Number, nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  readonly nextAfter!: number | null;
}

/** Answers undefined when the read model holds no event of the stream. */
export class GetStreamHistoryQuery extends Query<StreamHistory | undefined> {
  constructor(
    readonly streamId: string,
    readonly page: { readonly after: number; readonly limit: number },
  ) {
    super();
  }
}

@QueryHandler(GetStreamHistoryQuery)
export class GetStreamHistoryHandler implements IQueryHandler<GetStreamHistoryQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ streamId, page }: GetStreamHistoryQuery): Promise<StreamHistory | undefined> {
    const [head, { rows }] = await Promise.all([
      this.db.query<{ version: number | null }>(`SELECT max(stream_version) AS version FROM ${AUDIT_EVENTS} WHERE stream_id = $1`, [
        streamId,
      ]),
      this.db.query<AuditEventRow>(
        `SELECT ${AUDIT_EVENT_COLUMNS} FROM ${AUDIT_EVENTS} WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version LIMIT $3`,
        [streamId, page.after, page.limit + 1],
      ),
    ]);
    const version = head.rows[0]?.version;
    if (version === null || version === undefined) return undefined;
    const events = rows.slice(0, page.limit).map(auditEventOf);
    const nextAfter = rows.length > page.limit ? (events.at(-1)?.streamVersion ?? null) : null;
    return { streamId, version: Number(version), events, nextAfter };
  }
}
