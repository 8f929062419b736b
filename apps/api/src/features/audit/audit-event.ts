import { ApiProperty } from '@nestjs/swagger';
import { isDomainEvent, occurredAtOf, type DomainEvent } from '#domain';
import { auditEventsTable } from '#projections';

export class AuditActor {
  @ApiProperty({ example: '9f3c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b' }) readonly id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Angela Claridge' }) readonly name!: string | null;
  @ApiProperty({ type: [String], example: ['scrutiny'] }) readonly roles!: readonly string[];
}

/** One stored event as the monitoring officer sees it: what happened, to which stream, who did it and in which request. */
export class AuditEvent {
  @ApiProperty({ description: 'Position in the global log: increasing, not dense' }) readonly globalPosition!: number;
  @ApiProperty({ format: 'uuid' }) readonly eventId!: string;
  @ApiProperty({ example: 'action-5f0c2d6e-3b1a-4c8e-9d7f-1a2b3c4d5e6f' }) readonly streamId!: string;
  @ApiProperty() readonly streamVersion!: number;
  @ApiProperty({ example: 'ActionAssigned' }) readonly type!: string;
  @ApiProperty() readonly schemaVersion!: number;
  @ApiProperty({ format: 'date-time', description: 'When the store recorded the event (the recording clock, which asOf uses)' })
  readonly recordedAt!: string;
  @ApiProperty({
    format: 'date-time',
    description:
      "When it happened in the council's world (business time): an action event's date as recorded with occurredAt, a " +
      "resolution's meeting; the recording time for events that happen when they are recorded",
  })
  readonly occurredAt!: string;
  @ApiProperty({ type: AuditActor, nullable: true, description: 'Null for events written outside a request' })
  readonly actor!: AuditActor | null;
  @ApiProperty({ type: String, nullable: true }) readonly correlationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly requestId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) readonly data!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) readonly metadata!: Record<string, unknown>;
  @ApiProperty({ description: 'SHA-256 of the event, chained to the previous event of its stream' }) readonly hash!: string;
}

export interface AuditEventRow {
  readonly global_position: string;
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly type: string;
  readonly schema_version: number;
  readonly actor_id: string | null;
  readonly actor_name: string | null;
  readonly actor_roles: readonly string[] | null;
  readonly correlation_id: string | null;
  readonly request_id: string | null;
  readonly recorded_at: Date | string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
  readonly hash: string;
}

/** Positions as text: a bigint beyond 2^31 arrives as a string from pg and must not lose digits on the way. */
export const AUDIT_EVENT_COLUMNS = `
  global_position::text AS global_position, event_id, stream_id, stream_version, type, schema_version, actor_id, actor_name,
  actor_roles, correlation_id, request_id, recorded_at, data, metadata, hash`;

export const AUDIT_EVENTS = auditEventsTable.name;

const isoOf = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

function occurredAt(row: AuditEventRow, recordedAt: string): string {
  const event = { type: row.type, data: row.data };
  const at = isDomainEvent(event) ? occurredAtOf(event as unknown as DomainEvent) : undefined;
  // An event written by hand outside the domain may carry anything: it then counts as happening when recorded.
  return typeof at === 'string' && Number.isFinite(Date.parse(at)) ? new Date(at).toISOString() : recordedAt;
}

export function auditEventOf(row: AuditEventRow): AuditEvent {
  const recordedAt = isoOf(row.recorded_at);
  return {
    globalPosition: Number(row.global_position),
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    type: row.type,
    schemaVersion: Number(row.schema_version),
    recordedAt,
    occurredAt: occurredAt(row, recordedAt),
    actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name, roles: row.actor_roles ?? [] },
    correlationId: row.correlation_id,
    requestId: row.request_id,
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
  };
}
