import { createHash, randomUUID } from 'node:crypto';
import { jsonEvent, type EventData } from '@kurrent/kurrentdb-client';
import { canonicalJson } from '../hashing/canonical-json.js';

/**
 * KurrentDB does not keep event ids unique across streams (its idempotency check only looks at the stream written
 * to, within a cache window). The port promises that an id, once used, always means the same event, so before an
 * append each event id is claimed in its own stream, `<prefix><event id>`, by a compare-and-append on that
 * stream's revision: two appends can never both hold one id for different content.
 *
 * An append that certainly wrote nothing (a version conflict) releases its claims, so the id is free again as it
 * would be in the SQL store. Only a process that dies mid-append leaves a claim behind; the same content can still
 * be appended under it, and different content is refused as a reused id.
 */
export const DEFAULT_CLAIM_STREAM_PREFIX = 'event-id-claim-';
export const CLAIMED_TYPE = 'EventIdClaimed';
export const RELEASED_TYPE = 'EventIdReleased';

export interface EventIdClaim {
  readonly eventId: string;
  readonly streamId: string;
  /** SHA-256 of what makes two appends "the same event": stream, type and data (as the SQL store compares them). */
  readonly contentDigest: string;
}

/** A claim as recorded: the id of the claim event itself is the ticket its release names. */
export interface RecordedClaimEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
}

export function claimStreamName(prefix: string, eventId: string): string {
  return `${prefix}${eventId.toLowerCase()}`;
}

export function claimFor(streamId: string, event: { eventId: string; type: string; data: Record<string, unknown> }): EventIdClaim {
  const contentDigest = createHash('sha256')
    .update(canonicalJson({ streamId, type: event.type, data: event.data }))
    .digest('hex');
  return { eventId: event.eventId.toLowerCase(), streamId, contentDigest };
}

/** Every claim gets a fresh event id, its ticket: claimants and their releases must never be mistaken for each other. */
export function toClaimedEventData(claim: EventIdClaim): EventData {
  return jsonEvent({ id: randomUUID(), type: CLAIMED_TYPE, data: { ...claim } });
}

export function toReleasedEventData(ticket: string): EventData {
  return jsonEvent({ id: randomUUID(), type: RELEASED_TYPE, data: { ticket } });
}

/** A stored claim, when the data has the claim's shape. */
export function claimOf(data: unknown): EventIdClaim | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { eventId, streamId, contentDigest } = data as Record<string, unknown>;
  return typeof eventId === 'string' && typeof streamId === 'string' && typeof contentDigest === 'string'
    ? { eventId, streamId, contentDigest }
    : undefined;
}

const UNREADABLE_CLAIM: EventIdClaim = { eventId: '', streamId: '', contentDigest: '' };

/** The claims in a claim stream's history that no release has cancelled. An unreadable claim still holds the id. */
export function liveClaims(history: readonly RecordedClaimEvent[]): EventIdClaim[] {
  const released = new Set(history.filter((e) => e.type === RELEASED_TYPE).map((e) => (e.data as { ticket?: unknown } | null)?.ticket));
  return history.filter((e) => e.type !== RELEASED_TYPE && !released.has(e.id)).map((e) => claimOf(e.data) ?? UNREADABLE_CLAIM);
}

export function sameClaim(a: EventIdClaim, b: EventIdClaim): boolean {
  return a.eventId === b.eventId && a.streamId === b.streamId && a.contentDigest === b.contentDigest;
}
