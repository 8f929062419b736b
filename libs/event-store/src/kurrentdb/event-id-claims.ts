import { ErrorType, isCommandError, NO_STREAM, START, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { DuplicateEventIdError } from '../port/errors.js';
import type { NewEvent } from '../port/event-store.port.js';
import { claimFor, claimOf, claimStreamName, sameClaim, toClaimEventData, type EventIdClaim } from './event-id-claim.js';
import { readStreamForwards } from './kurrent-reads.js';
import { toStoreError } from './store-error-mapping.js';

/** Whether any of the ids was claimed before this append: only then can the events already be in the stream. */
export interface ClaimResult {
  readonly anyClaimedBefore: boolean;
}

const isWrongExpectedVersion = (error: unknown): boolean =>
  error instanceof Error && isCommandError(error) && error.type === ErrorType.WRONG_EXPECTED_VERSION;

/** Keeps event ids unique across the whole store (see event-id-claim.ts). */
export class EventIdClaims {
  constructor(private readonly client: KurrentDBClient, private readonly prefix: string) {}

  /** Claims every event's id for this stream and content; an id already claimed for anything else is a DuplicateEventIdError. */
  async claim(streamId: string, events: readonly NewEvent[]): Promise<ClaimResult> {
    const claimedBefore = await Promise.all(events.map((event) => this.claimOne(event.eventId, claimFor(streamId, event))));
    return { anyClaimedBefore: claimedBefore.some(Boolean) };
  }

  /** Without writing: has any of these ids been claimed? A claim for other content is a DuplicateEventIdError. */
  async inspect(streamId: string, events: readonly NewEvent[]): Promise<ClaimResult> {
    const existing = await Promise.all(events.map(async (event) => {
      const wanted = claimFor(streamId, event);
      const found = await this.existingClaim(wanted.eventId);
      if (found && !sameClaim(found, wanted)) throw new DuplicateEventIdError(event.eventId);
      return found !== undefined;
    }));
    return { anyClaimedBefore: existing.some(Boolean) };
  }

  /** Answers true when the same claim was already there (an earlier attempt of this append). */
  private async claimOne(eventId: string, claim: EventIdClaim): Promise<boolean> {
    try {
      const result = await this.client.appendToStream(claimStreamName(this.prefix, claim.eventId), toClaimEventData(claim), { streamState: NO_STREAM });
      if (result.success) return false;
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw toStoreError(error);
    }
    const found = await this.existingClaim(claim.eventId);
    if (found && sameClaim(found, claim)) return true;
    throw new DuplicateEventIdError(eventId);
  }

  private async existingClaim(eventId: string): Promise<EventIdClaim | undefined> {
    const [first] = await readStreamForwards(this.client, claimStreamName(this.prefix, eventId), START, 1);
    // An unreadable claim still means the id is taken; a claim for no stream never matches a real one.
    return first ? (claimOf(first.data) ?? { eventId, streamId: '', contentDigest: '' }) : undefined;
  }
}
