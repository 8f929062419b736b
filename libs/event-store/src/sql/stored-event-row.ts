import type { StoredEvent } from '../port/event-store.port.js';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry.js';

export interface StoredEventRow {
  global_position: string | number | bigint;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recorded_at: Date | string;
  prev_hash: string | null;
  hash: string;
}

export const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

/** As stored, before upcasting: what the hash chain covers. */
export function rawEventFromRow(row: StoredEventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: Number(row.global_position),
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

export function eventFromRow(row: StoredEventRow, upcasters: UpcasterRegistry): StoredEvent {
  const raw = rawEventFromRow(row);
  const { schemaVersion, data } = upcasters.upcast(raw.type, raw.schemaVersion, raw.data);
  return { ...raw, schemaVersion, data };
}
