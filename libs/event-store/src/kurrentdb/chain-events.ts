import { eventHash } from '../hashing/event-hash.js';
import type { EventMetadata, NewEvent } from '../port/event-store.port.js';
import type { PendingEvent } from './event-envelope.js';

/** The stream's last event as far as the chain is concerned: version 0 and no hash when the stream does not exist. */
export interface StreamHead {
  readonly version: number;
  readonly hash: string | null;
}

export const EMPTY_STREAM: StreamHead = { version: 0, hash: null };

export interface NormalizedEvent extends NewEvent {
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
}

/**
 * The event as it will read back: through JSON, the way KurrentDB stores it. Hashing this form (not the caller's
 * objects, which may hold Dates, toJSON methods or undefined entries) keeps write-time and read-time hashes equal.
 */
export function normalizeForStorage(event: NewEvent): NormalizedEvent {
  return {
    ...event,
    data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>,
    metadata: JSON.parse(JSON.stringify(event.metadata ?? {})) as EventMetadata,
  };
}

/** Numbers the events after the head and links each to the hash of the one before, as the SQL store does. */
export function chainEvents(
  streamId: string,
  head: StreamHead,
  events: readonly NormalizedEvent[],
  recordedAt: Date,
  schemaVersionOf: (type: string) => number,
): PendingEvent[] {
  let prevHash = head.hash;
  return events.map((event, index) => {
    const unhashed = {
      eventId: event.eventId.toLowerCase(),
      streamId,
      streamVersion: head.version + index + 1,
      type: event.type,
      schemaVersion: event.schemaVersion ?? schemaVersionOf(event.type),
      data: event.data,
      metadata: event.metadata,
      recordedAt,
    };
    const hash = eventHash(unhashed, prevHash);
    const pending: PendingEvent = { ...unhashed, hash, prevHash };
    prevHash = hash;
    return pending;
  });
}
