import { eventHash } from '../hashing/event-hash.js';
import type { NewEvent } from '../port/event-store.port.js';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { EVENTS_PER_APPEND_BITS } from './append-validation.js';

/**
 * One statement appends, in autocommit: it moves the stream head only from the expected version and hash
 * (inserting it when the stream is new and nothing was expected), and inserts the events only if the
 * head moved. No row from `head` means another writer got there first. Params:
 * $1 rows, $2 stream, $3 recorded at, $4 new version, $5 new last hash, $6 version before, $7 hash before.
 */
export const APPEND_EVENTS = `
  WITH head AS (
    INSERT INTO streams AS s (stream_id, version, last_hash, updated_at)
    SELECT $2, $4, $5, $3 WHERE $6::int = 0
    ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, last_hash = EXCLUDED.last_hash, updated_at = EXCLUDED.updated_at
      WHERE s.version = $6::int AND s.last_hash IS NOT DISTINCT FROM $7::text
    RETURNING 1
  ), moved AS (
    UPDATE streams AS s SET version = $4, last_hash = $5, updated_at = $3
    WHERE $6::int > 0 AND s.stream_id = $2 AND s.version = $6::int AND s.last_hash IS NOT DISTINCT FROM $7::text
    RETURNING 1
  ), inserted AS (
    INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
    SELECT (pg_current_xact_id()::text::bigint << ${EVENTS_PER_APPEND_BITS}) + x.ord, x.event_id, $2, x.stream_version, x.type,
           x.schema_version, x.data, x.metadata, $3, x.prev_hash, x.hash
    FROM jsonb_to_recordset($1::jsonb) AS x(
      ord int, event_id uuid, stream_version int, type text, schema_version int, data jsonb, metadata jsonb, prev_hash text, hash text)
    WHERE EXISTS (SELECT 1 FROM head UNION ALL SELECT 1 FROM moved)
    RETURNING global_position
  )
  SELECT max(global_position)::text AS last_position FROM inserted`;

/**
 * The common case, one event to a stream that exists, as one plain statement: no JSON array to unpack and
 * no insert of the head to plan and skip. The head moves only from the expected version and hash, and the
 * event, chained to that hash, is inserted only if it moved; no row back means another writer got there
 * first. Params: $1 stream, $2 recorded at, $3 new version, $4 new hash, $5 version before, $6 hash before
 * (never null: an existing stream has a hash), $7 event id, $8 type, $9 schema version, $10 data, $11 metadata.
 */
export const APPEND_ONE_TO_EXISTING_STREAM = `
  WITH moved AS (
    UPDATE streams AS s SET version = $3, last_hash = $4, updated_at = $2
    WHERE s.stream_id = $1 AND s.version = $5::int AND s.last_hash = $6::text
    RETURNING 1
  )
  INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
  SELECT pg_current_xact_id()::text::bigint << ${EVENTS_PER_APPEND_BITS}, $7::uuid, $1, $3, $8, $9, $10::jsonb, $11::jsonb, $2, $6, $4
  WHERE EXISTS (SELECT 1 FROM moved)
  RETURNING global_position::text AS last_position`;

/**
 * Why an append was refused, in one round trip: the stream's version now, and whether any of its event ids
 * are already stored (then it may be a retry of an append that landed). $1 stream, $2 event ids (uuid[]).
 */
export const REFUSAL_FACTS = `
  SELECT coalesce((SELECT version FROM streams WHERE stream_id = $1), 0) AS version,
         EXISTS (SELECT 1 FROM events WHERE event_id = ANY($2::uuid[])) AS known_ids`;

export interface StreamHead {
  readonly version: number;
  readonly hash: string | null;
}

/** The rows to insert, each hashed and chained to the one before it. */
export function chainedRows(
  streamId: string,
  events: readonly NewEvent[],
  head: StreamHead,
  recordedAt: Date,
  upcasters: UpcasterRegistry,
) {
  let prevHash = head.hash;
  const rows = events.map((event, index) => {
    const schemaVersion = event.schemaVersion ?? upcasters.currentVersion(event.type);
    const stored = {
      eventId: event.eventId.toLowerCase(),
      streamId,
      streamVersion: head.version + index + 1,
      type: event.type,
      schemaVersion,
      data: event.data,
      metadata: event.metadata ?? {},
      recordedAt,
    };
    const hash = eventHash(stored, prevHash);
    const row = {
      ord: index,
      event_id: stored.eventId,
      stream_version: stored.streamVersion,
      type: event.type,
      schema_version: schemaVersion,
      data: event.data,
      metadata: stored.metadata,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  return { rows, lastHash: prevHash, version: head.version + events.length };
}
