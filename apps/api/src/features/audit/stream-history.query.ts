import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { SqlDatabase } from '../../../../../libs/event-store/src/index.js';
import { SQL_DATABASE } from '../../platform/index.js';
import { AUDIT_EVENT_COLUMNS, AUDIT_EVENTS, AuditEvent, auditEventOf, type AuditEventRow } from './audit-event.js';

export class StreamHistory {
  @ApiProperty() readonly streamId!: string;
  @ApiProperty({ description: 'The version of the last event' }) readonly version!: number;
  @ApiProperty({ type: [AuditEvent], description: 'In version order' }) readonly events!: readonly AuditEvent[];
}

/** Answers undefined when the read model holds no event of the stream. */
export class GetStreamHistoryQuery extends Query<StreamHistory | undefined> {
  constructor(readonly streamId: string) {
    super();
  }
}

@QueryHandler(GetStreamHistoryQuery)
export class GetStreamHistoryHandler implements IQueryHandler<GetStreamHistoryQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ streamId }: GetStreamHistoryQuery): Promise<StreamHistory | undefined> {
    const { rows } = await this.db.query<AuditEventRow>(
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM ${AUDIT_EVENTS} WHERE stream_id = $1 ORDER BY stream_version`, [streamId]);
    const events = rows.map(auditEventOf);
    const last = events.at(-1);
    return last ? { streamId, version: last.streamVersion, events } : undefined;
  }
}
