import { createHash, randomUUID } from 'node:crypto';
import { jsonEvent, type EventData } from '@kurrent/kurrentdb-client';
import { canonicalJson } from '../hashing/canonical-json.js';

/**
 * KurrentDB does not keep event ids unique across streams (its idempotency check only looks at the stream written
 * to, within a cache window). The port promises that an id, once used, always means the same event, so each id is
 * claimed first in its own stream, `<prefix><event id>`, created with NO_STREAM: exactly one claim can ever win.
 */
export const DEFAULT_CLAIM_STREAM_PREFIX = 'event-id-claim-';
export const CLAIM_EVENT_TYPE = 'EventIdClaimed';

export interface EventIdClaim {
  readonly eventId: string;
  readonly streamId: string;
  /** SHA-256 of what makes two appends "the same event": stream, type and data (as the SQL store compares them). */
  readonly contentDigest: string;
}

export function claimStreamName(prefix: string, eventId: string): string {
  return `${prefix}${eventId.toLowerCase()}`;
}

export function claimFor(streamId: string, event: { eventId: string; type: string; data: Record<string, unknown> }): EventIdClaim {
  const contentDigest = createHash('sha256').update(canonicalJson({ streamId, type: event.type, data: event.data })).digest('hex');
  return { eventId: event.eventId.toLowerCase(), streamId, contentDigest };
}

/**
 * The claim event gets a fresh id of its own on every attempt: reusing one would let KurrentDB's idempotency
 * answer "written" to a second, different claim, which is exactly what the claim must refuse.
 */
export function toClaimEventData(claim: EventIdClaim): EventData {
  return jsonEvent({ id: randomUUID(), type: CLAIM_EVENT_TYPE, data: { ...claim } });
}

/** A stored claim, when the recorded data has the claim's shape. */
export function claimOf(data: unknown): EventIdClaim | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { eventId, streamId, contentDigest } = data as Record<string, unknown>;
  return typeof eventId === 'string' && typeof streamId === 'string' && typeof contentDigest === 'string'
    ? { eventId, streamId, contentDigest } : undefined;
}

export function sameClaim(a: EventIdClaim, b: EventIdClaim): boolean {
  return a.eventId === b.eventId && a.streamId === b.streamId && a.contentDigest === b.contentDigest;
}
