import { END, START, type KurrentDBClient, type ReadPosition } from '@kurrent/kurrentdb-client';
import { ConcurrencyError, InvalidAppendError } from '../port/errors.js';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  ForeignEvent,
  NewEvent,
  ReadAllResult,
  ReadStreamOptions,
  StoredEvent,
  VerifyProgress,
  VerifyResult,
} from '../port/event-store.port.js';
import { UUID } from '../sql/append-validation.js';
import { WakeSignal } from '../sql/wake-signal.js';
import { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { AppendWatcher } from './append-watcher.js';
import { chainEvents, EMPTY_STREAM, normalizeForStorage, type NormalizedEvent, type StreamHead } from './chain-events.js';
import { storedEventOf, toEventData } from './event-envelope.js';
import { DEFAULT_CLAIM_STREAM_PREFIX } from './event-id-claim.js';
import { EventIdClaims } from './event-id-claims.js';
import {
  chainedAppendState,
  expectationMet,
  retriesOnMovedHead,
  revisionOfVersion,
  versionOfCurrentState,
  versionOfRevision,
} from './expected-version-mapping.js';
import { assertKurrentAppendable } from './kurrent-append-validation.js';
import { readAllBackwards, readAllForwards, readLastEvent, readStreamForwards } from './kurrent-reads.js';
import { describeForeignEvent, ForeignEventReporter, newestStorePosition, takeStoreEvents } from './log-entries.js';
import { globalPositionOf, readPositionAfter } from './log-position.js';
import { findReplay } from './replay.js';
import { toAppendError } from './store-error-mapping.js';
import { verifyKurrentChains } from './verify-kurrent-chains.js';

export interface KurrentDbEventStoreOptions {
  readonly upcasters?: UpcasterRegistry;
  readonly clock?: () => Date;
  /** Prefix of the streams that keep event ids unique (see event-id-claim.ts). */
  readonly claimStreamPrefix?: string;
  /**
   * Told once (per process, while recent) of each event without the store's envelope that readAll skips, e.g. to
   * count it and log a warning. Defaults to a console warning.
   */
  readonly onForeignEvent?: (event: ForeignEvent) => void;
}

/** Appends that did not pin a version are chained again onto a moved head this many times before giving up. */
const MAX_CHAIN_ATTEMPTS = 10;
/** Events read per backwards page while looking for the head past id claims and foreign events. */
const HEAD_SEARCH_PAGE = 256;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The event-store port over KurrentDB (EventStoreDB), with the same semantics as the SQL store. */
export class KurrentDbEventStore implements EventStore {
  readonly upcasters: UpcasterRegistry;
  private readonly clock: () => Date;
  private readonly claimStreamPrefix: string;
  private readonly claims: EventIdClaims;
  private readonly signal = new WakeSignal();
  private readonly watcher: AppendWatcher;
  private readonly foreignEvents: ForeignEventReporter;

  constructor(
    readonly client: KurrentDBClient,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.clock = options.clock ?? (() => new Date());
    this.claimStreamPrefix = options.claimStreamPrefix ?? DEFAULT_CLAIM_STREAM_PREFIX;
    this.claims = new EventIdClaims(client, this.claimStreamPrefix);
    this.watcher = new AppendWatcher(client, () => this.signal.wake());
    this.foreignEvents = new ForeignEventReporter(options.onForeignEvent ?? ((event) => console.warn(describeForeignEvent(event))));
  }

  /** Starts following appends from every process, so waitForEvents wakes on them. */
  start(): this {
    this.watcher.start();
    return this;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedVersion?: ExpectedVersion } = {},
  ): Promise<AppendResult> {
    assertKurrentAppendable(streamId, events, this.claimStreamPrefix);
    const expected = options.expectedVersion ?? 'any';
    const normalized = events.map(normalizeForStorage);
    const head = await this.streamHead(streamId);
    if (!expectationMet(expected, head.version)) {
      const replay = (await this.claims.anyClaimed(streamId, normalized))
        ? await findReplay(this.client, streamId, normalized, 1)
        : undefined;
      if (replay) return replay;
      throw new ConcurrencyError(streamId, expected, head.version);
    }
    const { held, anyClaimedBefore } = await this.claims.claim(streamId, normalized);
    try {
      const result = await this.appendClaimed(streamId, normalized, expected, head, anyClaimedBefore ? 1 : undefined);
      this.signal.wake();
      return result;
    } catch (error) {
      // Only these say for certain that nothing was written; after anything else a retry must still find its claims.
      if (error instanceof ConcurrencyError || error instanceof InvalidAppendError) await this.claims.release(held);
      throw error;
    }
  }

  /**
   * Writes at the head the events were chained to. `uncheckedFrom` is the first stream version at which another
   * append holding the same claims may already have written these events; a replay is looked for there first.
   */
  private async appendClaimed(
    streamId: string,
    events: readonly NormalizedEvent[],
    expected: ExpectedVersion,
    firstHead: StreamHead,
    firstUncheckedFrom: number | undefined,
  ): Promise<AppendResult> {
    let head = firstHead;
    let uncheckedFrom = firstUncheckedFrom;
    for (let attempt = 1; ; attempt++) {
      const replay = uncheckedFrom === undefined ? undefined : await findReplay(this.client, streamId, events, uncheckedFrom);
      if (replay) return replay;
      try {
        return await this.write(streamId, events, head, expected);
      } catch (error) {
        const mapped = toAppendError(error, streamId, expected);
        if (!(mapped instanceof ConcurrencyError)) throw mapped;
        // Whatever moved the head may have been another attempt of this very append: look past the old head.
        if (!retriesOnMovedHead(expected) || attempt >= MAX_CHAIN_ATTEMPTS) {
          const lost = await findReplay(this.client, streamId, events, head.version + 1);
          if (lost) return lost;
          throw mapped;
        }
        await pause(Math.random() * 5 * attempt);
        uncheckedFrom = head.version + 1;
        head = await this.streamHead(streamId);
      }
    }
  }

  private async write(
    streamId: string,
    events: readonly NormalizedEvent[],
    head: StreamHead,
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const pending = chainEvents(streamId, head, events, this.clock(), (type) => this.upcasters.currentVersion(type));
    const result = await this.client.appendToStream(streamId, pending.map(toEventData), {
      streamState: chainedAppendState(expected, head.version),
    });
    if (!result.success) throw new ConcurrencyError(streamId, expected, versionOfCurrentState(result.nextExpectedRevision));
    const version = head.version + events.length;
    if (result.nextExpectedRevision !== revisionOfVersion(version)) {
      // KurrentDB answered from its own idempotency check: these ids were already written there.
      const replay = await findReplay(this.client, streamId, events, 1);
      if (replay) return replay;
      throw new Error(
        `KurrentDB put stream ${streamId} at revision ${result.nextExpectedRevision}, expected ${revisionOfVersion(version)}`,
      );
    }
    // The append's own position is not reliably its last event's, so ask the log where that event landed.
    const [last] = await readStreamForwards(this.client, streamId, revisionOfVersion(version), 1);
    const lastId = pending.at(-1)?.eventId ?? '';
    if (!last || last.id.toLowerCase() !== lastId)
      throw new Error(`Event ${lastId} is not at version ${version} of stream ${streamId} right after its append`);
    return { streamId, nextExpectedVersion: version, lastPosition: globalPositionOf(last.position, last.id), idempotentReplay: false };
  }

  private async streamHead(streamId: string): Promise<StreamHead> {
    const last = await readLastEvent(this.client, streamId);
    if (!last) return EMPTY_STREAM;
    const stored = storedEventOf(last);
    return { version: stored.streamVersion, hash: stored.hash };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly StoredEvent[]> {
    const { asOf, maxCount } = options;
    if (maxCount !== undefined && maxCount <= 0) return [];
    const fromRevision = revisionOfVersion(Math.max(options.fromVersion ?? 1, 1));
    const recorded = await readStreamForwards(this.client, streamId, fromRevision, asOf ? undefined : maxCount);
    const stored = recorded.map(storedEventOf);
    const visible = asOf ? stored.filter((event) => event.recordedAt.getTime() <= asOf.getTime()).slice(0, maxCount) : stored;
    return visible.map((event) => this.upcast(event));
  }

  /** KurrentDB has no index by event id across streams: the id's claim names the stream, which is read for it. */
  async findEvent(eventId: string): Promise<StoredEvent | undefined> {
    if (!UUID.test(eventId)) return undefined;
    const wanted = eventId.toLowerCase();
    for (const streamId of await this.claims.streamsClaiming(wanted)) {
      const recorded = (await readStreamForwards(this.client, streamId, START)).find((event) => event.id.toLowerCase() === wanted);
      if (recorded) return this.upcast(storedEventOf(recorded));
    }
    return undefined;
  }

  async streamVersion(streamId: string): Promise<number> {
    const last = await readLastEvent(this.client, streamId);
    return last ? versionOfRevision(last.revision) : 0;
  }

  /** KurrentDB is a server other processes write to: a stream's version is known only by reading it. */
  knownStreamVersion(): number | undefined {
    return undefined;
  }

  async readAll(after: number, limit: number): Promise<ReadAllResult> {
    const events: StoredEvent[] = [];
    let scanned = after;
    while (events.length < limit) {
      const from = scanned;
      // One more than the limit: a read from a position returns the event at that position again.
      const page = await readAllForwards(this.client, readPositionAfter(from), limit + 1);
      const taken = takeStoreEvents(page, from, limit - events.length, this.claimStreamPrefix);
      for (const event of taken.events) events.push(this.upcast(event));
      // Never stall on an event this store cannot read: skip it, and say so.
      for (const foreign of taken.foreign) this.foreignEvents.report(foreign);
      scanned = taken.scanned;
      // A short page is the end of the log; a full one of claims or foreign events only is skipped over to the next.
      if (page.length <= limit || scanned === from) break;
    }
    return { events, lastPosition: events.at(-1)?.globalPosition ?? after };
  }

  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      const page = await readAllBackwards(this.client, from, HEAD_SEARCH_PAGE);
      const head = newestStorePosition(page, this.claimStreamPrefix);
      if (head !== undefined) return head;
      const oldest = page.at(-1)?.position;
      if (page.length < HEAD_SEARCH_PAGE || !oldest) return 0;
      from = oldest;
    }
  }

  verify(onProgress?: (p: VerifyProgress) => void): Promise<VerifyResult> {
    return verifyKurrentChains(this.client, this.claimStreamPrefix, onProgress);
  }

  waitForEvents(timeoutMs: number): Promise<void> {
    return this.signal.wait(timeoutMs);
  }

  async close(): Promise<void> {
    await this.watcher.stop();
    this.signal.wake();
    await this.client.dispose();
  }

  private upcast(raw: StoredEvent): StoredEvent {
    const { schemaVersion, data } = this.upcasters.upcast(raw.type, raw.schemaVersion, raw.data);
    return { ...raw, schemaVersion, data };
  }
}
