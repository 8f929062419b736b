import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { streamCategories, streamIdFor } from '#domain';
import type { SqlDatabase } from '#event-store';
import { ProblemException, SQL_DATABASE } from '../../platform/index.js';
import { isUuid } from '../shared/uuid.js';
import { AUDIT_EVENT_COLUMNS, AUDIT_EVENTS, AuditEvent, auditEventOf, type AuditEventRow } from './audit-event.js';

export class StreamHistory {
  @ApiProperty() readonly streamId!: string;
  @ApiProperty({ description: "The version of the stream's last event" }) readonly version!: number;
  @ApiProperty({ type: [AuditEvent], description: 'In version order, one page' }) readonly events!: readonly AuditEvent[];
  @ApiProperty({ type: Number, nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  readonly nextAfter!: number | null;
}

/**
 * `streamIdOrRecordId` is a stream name (`action-<id>`) or a record's own id (a UUID): the stream of any category
 * ending with it. Answers undefined when the read model holds no event of such a stream.
 */
export class GetStreamHistoryQuery extends Query<StreamHistory | undefined> {
  constructor(
    readonly streamIdOrRecordId: string,
    readonly page: { readonly after: number; readonly limit: number },
  ) {
    super();
  }
}

@QueryHandler(GetStreamHistoryQuery)
export class GetStreamHistoryHandler implements IQueryHandler<GetStreamHistoryQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ streamIdOrRecordId, page }: GetStreamHistoryQuery): Promise<StreamHistory | undefined> {
    const streamId = await this.streamNamed(streamIdOrRecordId);
    if (streamId === undefined) return undefined;
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

  /** The stream a name or a bare record id stands for; client-chosen ids may repeat across categories, and then it is ambiguous. */
  private async streamNamed(streamIdOrRecordId: string): Promise<string | undefined> {
    if (!isUuid(streamIdOrRecordId)) return streamIdOrRecordId;
    const candidates = streamCategories.map((category) => streamIdFor(category, streamIdOrRecordId));
    const { rows } = await this.db.query<{ stream_id: string }>(
      `SELECT c.value AS stream_id FROM jsonb_array_elements_text($1::jsonb) c
        WHERE EXISTS (SELECT 1 FROM ${AUDIT_EVENTS} e WHERE e.stream_id = c.value)
        ORDER BY c.value`,
      [JSON.stringify(candidates)],
    );
    if (rows.length > 1) {
      const streams = rows.map((row) => row.stream_id);
      throw new ProblemException({
        status: 409,
        code: 'stream-id-ambiguous',
        detail: `Records of several kinds have the id ${streamIdOrRecordId}: ask for one of the streams ${streams.join(', ')}`,
        extensions: { streams },
      });
    }
    return rows[0]?.stream_id;
  }
}
