import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  type AllStreamRecordedEvent,
  AccessDeniedError,
  ANY,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type EventData,
  type KurrentDBClient,
  type RecordedEvent,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError, InvalidAppendError, StoreUnavailableError } from '../src/port/errors.js';
import type { ExpectedVersion } from '../src/port/event-store.port.js';
import { AppendWatcher } from '../src/kurrentdb/append-watcher.js';
import { chainEvents, EMPTY_STREAM, normalizeForStorage } from '../src/kurrentdb/chain-events.js';
import { fromKurrentMetadata, storedEventOf, toEventData, UnrecognisedEventError } from '../src/kurrentdb/event-envelope.js';
import {
  claimFor,
  claimOf,
  claimStreamName,
  liveClaims,
  toClaimedEventData,
  toReleasedEventData,
} from '../src/kurrentdb/event-id-claim.js';
import {
  chainedAppendState,
  expectationMet,
  retriesOnMovedHead,
  toKurrentStreamState,
  versionOfCurrentState,
} from '../src/kurrentdb/expected-version-mapping.js';
import { assertKurrentAppendable } from '../src/kurrentdb/kurrent-append-validation.js';
import { globalPositionOf, MissingLogPositionError, readPositionAfter } from '../src/kurrentdb/log-position.js';
import { isMissingStream, toAppendError, toStoreError } from '../src/kurrentdb/store-error-mapping.js';
import { brokenLinkReason, ChainCheck } from '../src/kurrentdb/verify-kurrent-chains.js';
import { classifyRecorded, ForeignEventReporter, newestStorePosition, takeStoreEvents } from '../src/kurrentdb/log-entries.js';
import { newEvent } from './event-store.contract.js';

const PREFIX = 'event-id-claim-';
const ID = '3f2b8a44-1c7e-4f5e-9a55-0d6a1b2c3d4e';

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

/** What the client hands back after KurrentDB stored `data` as JSON bytes at a revision and log position. */
function recordedFrom(written: EventData, streamId: string, revision: bigint, commit: bigint): RecordedEvent {
  const throughJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  return {
    streamId,
    id: written.id,
    isJson: true,
    revision,
    type: written.type,
    created: new Date(),
    data: throughJson(written.data),
    metadata: throughJson(written.metadata),
    position: { commit, prepare: commit },
  } as RecordedEvent;
}

describe('expected versions in KurrentDB terms', () => {
  it.each<[ExpectedVersion, unknown]>([
    [1, 0n],
    [3, 2n],
    [0, NO_STREAM],
    ['no_stream', NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
    ['any', ANY],
  ])('maps %p to %p', (expected, state) => {
    expect(toKurrentStreamState(expected)).toBe(state);
  });

  it('pins unconditional appends to the head they were chained to', () => {
    expect(chainedAppendState('any', 0)).toBe(NO_STREAM);
    expect(chainedAppendState('any', 4)).toBe(3n);
    expect(chainedAppendState('stream_exists', 2)).toBe(1n);
    expect(chainedAppendState(2, 2)).toBe(1n);
    expect(chainedAppendState('no_stream', 0)).toBe(NO_STREAM);
    expect([
      retriesOnMovedHead('any'),
      retriesOnMovedHead('stream_exists'),
      retriesOnMovedHead(2),
      retriesOnMovedHead('no_stream'),
    ]).toEqual([true, true, false, false]);
  });

  it('checks an expectation against the current version', () => {
    expect([expectationMet(2, 2), expectationMet(2, 3), expectationMet('no_stream', 0), expectationMet('no_stream', 1)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect([expectationMet('stream_exists', 0), expectationMet('stream_exists', 1), expectationMet('any', 0)]).toEqual([false, true, true]);
  });

  it('reads the actual version out of a conflict: revision + 1, and 0 for an absent, deleted or tombstoned stream', () => {
    expect([versionOfCurrentState(4n), versionOfCurrentState(0n), versionOfCurrentState(NO_STREAM), versionOfCurrentState(-5n)]).toEqual([
      5, 1, 0, 0,
    ]);
  });
});

describe('log positions', () => {
  it('uses the commit position as the global position', () => {
    expect(globalPositionOf({ commit: 123_456n, prepare: 123_456n }, ID)).toBe(123_456);
  });

  it('refuses events without a real position (servers before 22.6) and positions a Number cannot hold', () => {
    expect(() => globalPositionOf(undefined, ID)).toThrow(MissingLogPositionError);
    expect(() => globalPositionOf({ commit: 2n ** 64n - 1n, prepare: 0n }, ID)).toThrow(MissingLogPositionError);
    expect(() => globalPositionOf({ commit: 2n ** 53n, prepare: 2n ** 53n }, ID)).toThrow(RangeError);
  });

  it('resumes $all at (commit, commit), or at the start for position 0', () => {
    expect(readPositionAfter(0)).toBe(START);
    expect(readPositionAfter(4_242)).toEqual({ commit: 4_242n, prepare: 4_242n });
  });
});

describe('the event envelope', () => {
  const metadata = { actor: { id: 'p-1', roles: ['scrutiny'] }, correlationId: 'corr-1', causationId: 'cause-1', requestId: 'r-1' };
  const [pending] = chainEvents(
    'thing-1',
    EMPTY_STREAM,
    [normalizeForStorage({ eventId: ID, type: 'ThingHappened', data: { n: 1 }, metadata })],
    new Date('2017-01-16T18:00:00.000Z'),
    () => 1,
  );

  it('writes JSON with the caller metadata, KurrentDB correlation keys and the store fields', () => {
    const written = toEventData(defined(pending));
    expect(written).toMatchObject({ id: ID, type: 'ThingHappened', contentType: 'application/json', data: { n: 1 } });
    expect(written.metadata).toEqual({
      ...metadata,
      $correlationId: 'corr-1',
      $causationId: 'cause-1',
      eventStore: { schemaVersion: 1, recordedAt: '2017-01-16T18:00:00.000Z', hash: pending?.hash, prevHash: null },
    });
  });

  it('reads back exactly the stored event, position and version included', () => {
    const stored = storedEventOf(recordedFrom(toEventData(defined(pending)), 'thing-1', 0n, 9_001n));
    expect(stored).toEqual({ ...pending, globalPosition: 9_001 });
    expect(stored.metadata).toEqual(metadata);
  });

  it('has no envelope for metadata the store did not write', () => {
    expect(fromKurrentMetadata(undefined)).toBeUndefined();
    expect(fromKurrentMetadata({ actor: 'x' })).toBeUndefined();
    expect(fromKurrentMetadata({ eventStore: { schemaVersion: 1, recordedAt: 'yesterday', hash: 'h', prevHash: null } })).toBeUndefined();
    const foreign = { id: ID, type: 'X', contentType: 'application/json', data: {}, metadata: { by: 'someone else' } } as EventData;
    expect(() => storedEventOf(recordedFrom(foreign, 'thing-1', 0n, 1n))).toThrow(UnrecognisedEventError);
  });
});

describe('hash chains through KurrentDB', () => {
  const events = [
    newEvent('A', { at: new Date('2017-01-16T18:00:00Z'), amount: { toJSON: () => '20.00' }, skipped: undefined, list: [1, undefined] }),
    newEvent('B', { text: 'Project Manager, Transformation & Technology' }),
  ].map(normalizeForStorage);
  const chained = chainEvents('thing-2', EMPTY_STREAM, events, new Date(), () => 1);
  const read = chained.map((event, i) => storedEventOf(recordedFrom(toEventData(event), 'thing-2', BigInt(i), BigInt(100 + i))));

  it('verifies what it wrote, even data that only JSON can normalise', () => {
    expect(read[1]?.prevHash).toBe(read[0]?.hash);
    expect(brokenLinkReason(defined(read[0]), undefined)).toBeUndefined();
    expect(brokenLinkReason(defined(read[1]), { version: 1, hash: read[0]?.hash ?? '' })).toBeUndefined();
  });

  it('names edited content, a broken chain and a version gap', () => {
    const [first, second] = [defined(read[0]), defined(read[1])];
    expect(brokenLinkReason({ ...first, data: { edited: true } }, undefined)).toBe('hash-mismatch');
    expect(brokenLinkReason(second, { version: 1, hash: 'f'.repeat(64) })).toBe('chain-broken');
    expect(brokenLinkReason(second, undefined)).toBe('version-gap');
  });
});

describe('client errors in the port terms', () => {
  it('turns a wrong expected version into a ConcurrencyError with the actual version', () => {
    const stale = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 4n });
    const error = toAppendError(stale, 's', 1);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: 's', expected: 1, actual: 5 });
    const absent = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 2n, current: NO_STREAM });
    expect(toAppendError(absent, 's', 3)).toMatchObject({ actual: 0 });
  });

  it('reports an unreachable server as unavailable and an oversized append as invalid', () => {
    const down = new UnavailableError();
    expect(toStoreError(down)).toBeInstanceOf(StoreUnavailableError);
    expect((toStoreError(down) as Error).cause).toBe(down);
    expect(toAppendError(new DeadlineExceededError(), 's', 'any')).toBeInstanceOf(StoreUnavailableError);
    expect(toAppendError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), 's', 'any')).toBeInstanceOf(InvalidAppendError);
  });

  it('passes other errors through unchanged and knows a missing stream', () => {
    const denied = new AccessDeniedError();
    const plain = new Error('boom');
    expect([toStoreError(denied), toStoreError(plain)]).toEqual([denied, plain]);
    expect([isMissingStream(new StreamNotFoundError(undefined, 's')), isMissingStream(denied)]).toEqual([true, false]);
  });
});

describe('appends KurrentDB could not give back faithfully', () => {
  const refused =
    (streamId: string, event = newEvent()) =>
    () =>
      assertKurrentAppendable(streamId, [event], PREFIX);

  it('refuses system streams and types, the claim streams and reserved metadata keys', () => {
    expect(refused('$all')).toThrow(InvalidAppendError);
    expect(refused(`${PREFIX}${ID}`)).toThrow(InvalidAppendError);
    expect(refused('thing-1', newEvent('$metadata'))).toThrow(InvalidAppendError);
    expect(refused('thing-1', { ...newEvent(), metadata: { $correlationId: 'x' } })).toThrow(/reserved/);
    expect(refused('thing-1', { ...newEvent(), metadata: { eventStore: {} } })).toThrow(/reserved/);
  });

  it('refuses NUL characters and lone surrogates anywhere, as PostgreSQL does', () => {
    expect(refused('thing-1', newEvent('T', { text: 'nul \u0000 inside' }))).toThrow(/cannot be stored as JSON/);
    expect(refused('thing-1', newEvent('T', { nested: [{ ['key\u0000']: 1 }] }))).toThrow(InvalidAppendError);
    expect(refused('thing-1', newEvent('T', { text: 'half \uD83D pair' }))).toThrow(InvalidAppendError);
    expect(refused('thing-1', { ...newEvent(), metadata: { requestId: '\uDC00' } })).toThrow(InvalidAppendError);
    expect(refused('thing-1', newEvent('T', { text: 'whole pair \uD83D\uDE00' }))).not.toThrow();
  });
});

describe('event id claims', () => {
  it('digests stream, type and data canonically, and names the claim stream by the lower-case id', () => {
    const claim = claimFor('thing-1', { eventId: ID.toUpperCase(), type: 'T', data: { a: 1, b: 2 } });
    expect(claim).toEqual(claimFor('thing-1', { eventId: ID, type: 'T', data: { b: 2, a: 1 } }));
    expect(claim.contentDigest).not.toBe(claimFor('thing-2', { eventId: ID, type: 'T', data: { a: 1, b: 2 } }).contentDigest);
    expect(claim.contentDigest).not.toBe(claimFor('thing-1', { eventId: ID, type: 'T', data: { a: 1, b: 3 } }).contentDigest);
    expect(claim.contentDigest).not.toBe(claimFor('thing-1', { eventId: ID, type: 'U', data: { a: 1, b: 2 } }).contentDigest);
    expect(claimStreamName(PREFIX, ID.toUpperCase())).toBe(`${PREFIX}${ID}`);
  });

  it('gives every claim its own ticket and reads claims back', () => {
    const claim = claimFor('thing-1', { eventId: ID, type: 'T', data: {} });
    const [a, b] = [toClaimedEventData(claim), toClaimedEventData(claim)];
    expect(a.id).not.toBe(b.id);
    expect(claimOf(a.data)).toEqual(claim);
    expect(claimOf({ eventId: ID })).toBeUndefined();
  });

  it('counts a claim as live until a release names its ticket', () => {
    const mine = claimFor('thing-1', { eventId: ID, type: 'T', data: {} });
    const theirs = claimFor('thing-2', { eventId: ID, type: 'T', data: {} });
    const [first, second] = [toClaimedEventData(mine), toClaimedEventData(theirs)];
    const release = toReleasedEventData(first.id);
    expect(liveClaims([first, second])).toEqual([mine, theirs]);
    expect(liveClaims([first, release, second])).toEqual([theirs]);
    expect(liveClaims([first, release])).toEqual([]);
    expect(liveClaims([{ id: 'x', type: 'EventIdClaimed', data: 'garbled' }])).toHaveLength(1);
  });
});

describe('following appends from other processes', () => {
  /** Stands in for the client's $all subscription stream, which is an event emitter with unsubscribe(). */
  function subscriptions() {
    const opened: (EventEmitter & { closed: boolean })[] = [];
    const client = {
      subscribeToAll: () => {
        const subscription = Object.assign(new EventEmitter(), {
          closed: false,
          unsubscribe: async () => {
            subscription.closed = true;
          },
        });
        opened.push(subscription);
        return subscription;
      },
    } as unknown as KurrentDBClient;
    return { client, opened };
  }

  it('wakes on every event, reopens a failed subscription with a wake-up, and stays closed once stopped', async () => {
    const { client, opened } = subscriptions();
    let wakes = 0;
    const watcher = new AppendWatcher(
      client,
      () => {
        wakes += 1;
      },
      5,
    );
    watcher.start();
    opened[0]?.emit('data', {});
    expect(wakes).toBe(1);
    opened[0]?.emit('error', new Error('connection reset'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect([opened.length, opened[0]?.closed, wakes]).toEqual([2, true, 2]);
    await watcher.stop();
    opened[1]?.emit('end');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect([opened.length, opened[1]?.closed]).toEqual([2, true]);
  });
});

describe('what of $all the store reads, counts and verifies', () => {
  const at = new Date('2017-01-16T18:00:00.000Z');
  /** Events chained as the store writes them, recorded in one stream from `commit` on, one log position apart. */
  function storeEvents(streamId: string, count: number, commit: number): AllStreamRecordedEvent[] {
    const chained = chainEvents(
      streamId,
      EMPTY_STREAM,
      Array.from({ length: count }, (_, i) => normalizeForStorage(newEvent('T', { i }))),
      at,
      () => 1,
    );
    return chained.map((event, i) => recordedFrom(toEventData(event), streamId, BigInt(i), BigInt(commit + i)) as AllStreamRecordedEvent);
  }
  const foreign = (streamId: string, revision: bigint, commit: number) =>
    recordedFrom(
      {
        id: randomUUID(),
        type: 'OrderPlaced',
        contentType: 'application/json',
        data: { total: 5 },
        metadata: { by: 'another app' },
      } as EventData,
      streamId,
      revision,
      BigInt(commit),
    ) as AllStreamRecordedEvent;
  const claim = (commit: number) =>
    recordedFrom(
      toClaimedEventData(claimFor('thing-1', { eventId: ID, type: 'T', data: {} })),
      `${PREFIX}${ID}`,
      0n,
      BigInt(commit),
    ) as AllStreamRecordedEvent;
  const release = (commit: number) =>
    recordedFrom(toReleasedEventData(randomUUID()), `${PREFIX}${ID}`, 1n, BigInt(commit)) as AllStreamRecordedEvent;

  it("classifies an event as the store's own, foreign (no envelope) or internal (id claims)", () => {
    const [own] = storeEvents('thing-1', 1, 10);
    expect(classifyRecorded(defined(own), PREFIX)).toMatchObject({
      kind: 'store',
      event: { streamId: 'thing-1', streamVersion: 1, globalPosition: 10 },
    });
    const other = foreign('orders-7', 3n, 11);
    expect(classifyRecorded(other, PREFIX)).toEqual({
      kind: 'foreign',
      foreign: { streamId: 'orders-7', streamVersion: 4, eventId: other.id, globalPosition: 11, type: 'OrderPlaced' },
    });
    expect(classifyRecorded(claim(12), PREFIX)).toEqual({ kind: 'internal' });
  });

  it('counts toward the head only events readAll gives out: not the id claims and releases after a conflict, nor foreign events', () => {
    const [own] = storeEvents('thing-1', 1, 10);
    const backwards = [release(14), foreign('orders-7', 0n, 13), claim(12), defined(own)];
    expect(newestStorePosition(backwards, PREFIX)).toBe(10);
    expect(newestStorePosition([release(14), claim(12)], PREFIX)).toBeUndefined();
  });

  it('reads past a foreign event instead of stalling on it, and hands it over to be reported', () => {
    const [first, second] = storeEvents('thing-1', 2, 20);
    const other = foreign('thing-9', 0n, 21);
    const page = [defined(first), other, claim(22), { ...defined(second), position: { commit: 23n, prepare: 23n } }];
    const taken = takeStoreEvents(page, 0, 10, PREFIX);
    expect(taken.events.map((e) => e.globalPosition)).toEqual([20, 23]);
    expect(taken.foreign.map((e) => e.eventId)).toEqual([other.id]);
    expect(taken.scanned).toBe(23);
  });

  it('takes no more than asked, skips the event at the resume position, and scans to the page end when it finds too few', () => {
    const events = storeEvents('thing-1', 3, 30);
    const limited = takeStoreEvents(events, 30, 1, PREFIX);
    expect([limited.events.map((e) => e.globalPosition), limited.scanned]).toEqual([[31], 31]);
    const onlyOthers = takeStoreEvents([claim(40), foreign('thing-9', 0n, 41)], 39, 5, PREFIX);
    expect([onlyOthers.events, onlyOthers.foreign.length, onlyOthers.scanned]).toEqual([[], 1, 41]);
  });

  it('reports each foreign event once while it is remembered', () => {
    const seen: number[] = [];
    const reporter = new ForeignEventReporter((event) => seen.push(event.globalPosition), 2);
    const event = (globalPosition: number) => ({ streamId: 's', streamVersion: 1, eventId: 'e', globalPosition, type: 'X' });
    [1, 1, 2, 1, 3, 1].forEach((position) => reporter.report(event(position)));
    expect(seen).toEqual([1, 2, 3, 1]);
  });

  it('verifies the chains around a foreign event and lists it, with how many there were', () => {
    const check = new ChainCheck();
    const others = [foreign('orders-7', 0n, 51), foreign('orders-7', 1n, 53)];
    const log = [...storeEvents('thing-1', 2, 50)];
    [log[0], others[0], claim(52), others[1], log[1]].forEach((recorded) => check.add(defined(recorded), PREFIX));
    expect(check.result()).toEqual({
      ok: true,
      checkedEvents: 2,
      checkedStreams: 1,
      foreignEvents: {
        count: 2,
        first: { streamId: 'orders-7', streamVersion: 1, eventId: others[0]?.id, globalPosition: 51, type: 'OrderPlaced' },
      },
    });
  });

  it('still names a broken link, and reports no foreign events when there are none', () => {
    const check = new ChainCheck();
    const [first, second] = storeEvents('thing-1', 2, 60);
    expect(check.add(defined(second), PREFIX)).toBe(false);
    expect(check.add(defined(first), PREFIX)).toBe(false);
    expect(check.result()).toEqual({
      ok: false,
      checkedEvents: 0,
      checkedStreams: 1,
      firstBroken: { streamId: 'thing-1', streamVersion: 2, eventId: second?.id, globalPosition: 61, reason: 'version-gap' },
    });
  });
});
