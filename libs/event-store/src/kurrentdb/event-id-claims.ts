import { ErrorType, isCommandError, NO_STREAM, START, type KurrentDBClient, type RecordedEvent } from '@kurrent/kurrentdb-client';
import { DuplicateEventIdError, StoreUnavailableError } from '../port/errors.js';
import type { NewEvent } from '../port/event-store.port.js';
import {
  claimFor,
  claimStreamName,
  liveClaims,
  sameClaim,
  toClaimedEventData,
  toReleasedEventData,
  type EventIdClaim,
} from './event-id-claim.js';
import { readStreamForwards } from './kurrent-reads.js';
import { toStoreError } from './store-error-mapping.js';

/** A claim this append holds, by the id of the claim event that made it. */
export interface HeldClaim {
  readonly streamName: string;
  readonly ticket: string;
}

export interface ClaimResult {
  readonly held: readonly HeldClaim[];
  /** Whether another append held the same claim already: only then can the events be in the stream before this one writes. */
  readonly anyClaimedBefore: boolean;
}

/** Several appends claiming one id at once retry their compare-and-append; past this, the store reports itself busy. */
const MAX_CLAIM_ATTEMPTS = 10;

const isWrongExpectedVersion = (error: unknown): boolean =>
  error instanceof Error && isCommandError(error) && error.type === ErrorType.WRONG_EXPECTED_VERSION;

/** Keeps event ids unique across the whole store (see event-id-claim.ts). */
export class EventIdClaims {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly prefix: string,
  ) {}

  /** Claims every event's id for this stream and content; an id held for anything else is a DuplicateEventIdError. */
  async claim(streamId: string, events: readonly NewEvent[]): Promise<ClaimResult> {
    const settled = await Promise.allSettled(events.map((event) => this.claimOne(event.eventId, claimFor(streamId, event))));
    const won = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) {
      await this.release(won.map((claim) => claim.held));
      throw failed.reason;
    }
    return { held: won.map((claim) => claim.held), anyClaimedBefore: won.some((claim) => claim.claimedBefore) };
  }

  /** Without writing: does another append hold any of these ids? One held for other content is a DuplicateEventIdError. */
  async anyClaimed(streamId: string, events: readonly NewEvent[]): Promise<boolean> {
    const held = await Promise.all(
      events.map(async (event) => {
        const wanted = claimFor(streamId, event);
        const live = liveClaims(await this.history(wanted.eventId));
        if (live.some((claim) => !sameClaim(claim, wanted))) throw new DuplicateEventIdError(event.eventId);
        return live.length > 0;
      }),
    );
    return held.some(Boolean);
  }

  /** The streams whose appends hold this id (claimed, not necessarily written: a claimant may have died mid-append). */
  async streamsClaiming(eventId: string): Promise<string[]> {
    return [...new Set(liveClaims(await this.history(eventId.toLowerCase())).map((claim) => claim.streamId))];
  }

  /** Gives the ids back after an append that certainly wrote nothing. Best effort: a claim left behind only binds its content. */
  async release(held: readonly HeldClaim[]): Promise<void> {
    await Promise.all(
      held.map((claim) => this.client.appendToStream(claim.streamName, toReleasedEventData(claim.ticket)).catch(() => undefined)),
    );
  }

  private async claimOne(eventId: string, claim: EventIdClaim): Promise<{ held: HeldClaim; claimedBefore: boolean }> {
    const streamName = claimStreamName(this.prefix, claim.eventId);
    // Most ids are new, so the first attempt assumes an empty claim stream and reads it only when that was wrong.
    let history: RecordedEvent[] = [];
    for (let attempt = 1; ; attempt++) {
      const live = liveClaims(history);
      if (live.some((other) => !sameClaim(other, claim))) throw new DuplicateEventIdError(eventId);
      const claimEvent = toClaimedEventData(claim);
      const last = history.at(-1);
      try {
        const result = await this.client.appendToStream(streamName, claimEvent, { streamState: last ? last.revision : NO_STREAM });
        if (result.success) return { held: { streamName, ticket: claimEvent.id }, claimedBefore: live.length > 0 };
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw toStoreError(error);
      }
      if (attempt >= MAX_CLAIM_ATTEMPTS)
        throw new StoreUnavailableError(new Error(`Event id ${eventId} is being claimed by many appends at once`));
      history = await this.history(claim.eventId);
    }
  }

  private history(eventId: string): Promise<RecordedEvent[]> {
    return readStreamForwards(this.client, claimStreamName(this.prefix, eventId), START);
  }
}
