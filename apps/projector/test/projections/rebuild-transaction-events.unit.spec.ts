import { CheckpointMovedError, type EventStore, type ReadAllResult, type SqlDatabase, type StoredEvent } from '#event-store';
import { chunksOf, eventsForTransaction, EventsArrivedLateError, isTransient, readEventsAfter, retryTransient } from '#projections';

const eventAt = (globalPosition: number): StoredEvent => ({
  eventId: `e${globalPosition}`,
  streamId: 's',
  streamVersion: 1,
  globalPosition,
  type: 'T',
  schemaVersion: 1,
  data: {},
  metadata: {},
  recordedAt: new Date(0),
  hash: 'h',
  prevHash: null,
});

/** A log at the given positions, read in pages as the store reads it. */
function logAt(positions: readonly number[]): EventStore & { reads: number } {
  const log = {
    reads: 0,
    async readAll(after: number, limit: number): Promise<ReadAllResult> {
      log.reads++;
      const events = positions
        .filter((p) => p > after)
        .slice(0, limit)
        .map(eventAt);
      return { events, lastPosition: events.at(-1)?.globalPosition ?? after };
    },
  };
  return log as unknown as EventStore & { reads: number };
}

const dialect = (name: 'pglite' | 'postgres') => ({ dialect: name }) as SqlDatabase;
const positionsOf = (events: readonly StoredEvent[]) => events.map((e) => e.globalPosition);

describe('reading the events a swap or comparison applies', () => {
  const log = [4096, 8192, 8193, 12288, 16384, 20480];

  it('reads the log after a position in pages, to its end or until a page reaches a bound', async () => {
    expect(positionsOf(await readEventsAfter(logAt(log), 4096, 2))).toEqual([8192, 8193, 12288, 16384, 20480]);
    expect(positionsOf(await readEventsAfter(logAt(log), 0, 2, 8192))).toEqual([4096, 8192]);
    expect(positionsOf(await readEventsAfter(logAt(log), 0, 2, 8193))).toEqual([4096, 8192, 8193, 12288]);
  });

  it('on PostgreSQL reads past what was prefetched up to the live checkpoint, and no further for a comparison', async () => {
    const store = logAt(log);
    const events = await eventsForTransaction({
      store,
      db: dialect('postgres'),
      prefetched: [eventAt(4096), eventAt(8192)],
      after: 4096,
      through: 16384,
      toHead: false,
      batchSize: 2,
    });
    expect(positionsOf(events)).toEqual([8192, 8193, 12288, 16384]);
  });

  it('on PostgreSQL takes everything committed for a swap', async () => {
    const events = await eventsForTransaction({
      store: logAt(log),
      db: dialect('postgres'),
      prefetched: [],
      after: 8193,
      through: 12288,
      toHead: true,
      batchSize: 10,
    });
    expect(positionsOf(events)).toEqual([12288, 16384, 20480]);
  });

  it('on PGlite uses only what was prefetched, cut at the live checkpoint for a comparison', async () => {
    const store = logAt(log);
    const prefetched = log.map(eventAt);
    const events = await eventsForTransaction({
      store,
      db: dialect('pglite'),
      prefetched,
      after: 8192,
      through: 12288,
      toHead: false,
      batchSize: 10,
    });
    expect(positionsOf(events)).toEqual([8193, 12288]);
    expect(store.reads).toBe(0);
  });

  it('on PGlite gives up when the live checkpoint moved past the prefetched events, so the caller retries', async () => {
    const attempt = eventsForTransaction({
      store: logAt(log),
      db: dialect('pglite'),
      prefetched: [eventAt(8192)],
      after: 4096,
      through: 12288,
      toHead: true,
      batchSize: 10,
    });
    await expect(attempt).rejects.toBeInstanceOf(EventsArrivedLateError);
  });

  it('on PostgreSQL refuses a live checkpoint beyond the end of the log', async () => {
    const attempt = eventsForTransaction({
      store: logAt(log),
      db: dialect('postgres'),
      prefetched: [],
      after: 0,
      through: 99_999,
      toHead: false,
      batchSize: 10,
    });
    await expect(attempt).rejects.toThrow('below the live checkpoint 99999');
  });

  it('cuts a list into batches', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 2)).toEqual([]);
  });
});

describe('retrying a swap or comparison that lost a race', () => {
  it('counts lost races as transient, and other failures not', () => {
    expect(isTransient(new EventsArrivedLateError(2, 1))).toBe(true);
    expect(isTransient(new CheckpointMovedError('projection:records'))).toBe(true);
    expect(isTransient(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('lock'), { code: '55P03' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(false);
    expect(isTransient(new Error('boom'))).toBe(false);
  });

  it('tries again after a transient failure and answers the first success', async () => {
    const retried: number[] = [];
    const result = await retryTransient(
      async (attempt) => {
        if (attempt < 3) throw new EventsArrivedLateError(2, 1);
        return `done on ${attempt}`;
      },
      (_error, attempt) => retried.push(attempt),
    );
    expect(result).toBe('done on 3');
    expect(retried).toEqual([1, 2]);
  });

  it('gives up at once on anything else', async () => {
    let attempts = 0;
    await expect(
      retryTransient(async () => {
        attempts++;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(attempts).toBe(1);
  });
});
