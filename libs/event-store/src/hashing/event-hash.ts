import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export interface HashableEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly recordedAt: Date;
}

/** SHA-256 over the event's canonical encoding, chained to the hash of the stream's previous event. */
export function eventHash(event: HashableEvent, prevHash: string | null): string {
  const body = canonicalJson({
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  });
  return createHash('sha256')
    .update(prevHash ?? '')
    .update('\n')
    .update(body)
    .digest('hex');
}
