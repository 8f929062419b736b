import type { Projection, TableSpec } from '../engine/projection.js';

/** Every event with who did it: the monitoring officer's search, whichever store holds the events. */
export const auditEventsTable = {
  name: 'rm_audit_events',
  key: 'global_position',
  appendOnly: true,
  columns: {
    global_position: 'bigint',
    event_id: 'text',
    stream_id: 'text',
    stream_version: 'integer',
    type: 'text',
    schema_version: 'integer',
    actor_id: 'text',
    actor_name: 'text',
    actor_roles: 'jsonb',
    correlation_id: 'text',
    request_id: 'text',
    recorded_at: 'timestamptz',
    data: 'jsonb',
    metadata: 'jsonb',
    hash: 'text',
  },
  indexes: [['stream_id', 'stream_version'], ['actor_id', 'global_position'], ['type', 'global_position'], ['recorded_at']],
} as const satisfies TableSpec;

export const auditLogProjection: Projection = {
  name: 'audit-log',
  version: 1,
  tables: [auditEventsTable],
  touches: () => [],
  apply(event, rows) {
    const { actor, correlationId, requestId } = event.metadata;
    rows.insert(auditEventsTable.name, {
      global_position: event.globalPosition,
      event_id: event.eventId,
      stream_id: event.streamId,
      stream_version: event.streamVersion,
      type: event.type,
      schema_version: event.schemaVersion,
      actor_id: actor?.id ?? null,
      actor_name: actor?.name ?? null,
      actor_roles: actor?.roles ?? [],
      correlation_id: correlationId ?? null,
      request_id: requestId ?? null,
      recorded_at: event.recordedAt.toISOString(),
      data: event.data,
      metadata: event.metadata,
      hash: event.hash,
    });
  },
};
