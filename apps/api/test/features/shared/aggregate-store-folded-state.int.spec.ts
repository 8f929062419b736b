import { randomUUID } from 'node:crypto';
import type { Decider } from '#domain';
import { ConcurrencyError, openEmbeddedEventStore, openPostgresEventStore, type ReadStreamOptions, type SqlEventStore } from '#event-store';
import { describeWithPostgres, dropSchema, POSTGRES_URL, uniqueSchema } from '../../../../../test/support/postgres.js';
import { AggregateStore } from '../../../src/features/shared/aggregate-store.js';
import { SystemClock } from '../../../src/features/shared/clock.js';
import type { Caller } from '../../../src/platform/caller.js';
import { runInRequestContext, type RequestContext } from '../../../src/platform/request-context.js';

const caller: Caller = { actor: undefined, correlationId: randomUUID(), requestId: randomUUID() };
const newRequest = (): RequestContext => ({ correlationId: randomUUID(), requestId: randomUUID(), actor: undefined, startedAt: 0n });

type Tally = { readonly notes: readonly string[] };
type Noted = { readonly type: 'Noted'; readonly data: { readonly note: string; readonly extra?: string } };
const tally: Decider<{ readonly note: string }, Noted, Tally> = {
  initialState: () => ({ notes: [] }),
  decide: (command) => [{ type: 'Noted', data: { note: command.note, extra: undefined } }],
  evolve: (state, event) => ({ notes: [...state.notes, 'extra' in event.data ? `${event.data.note}+extra` : event.data.note] }),
};

/** Answers no events for a note that is already the last one: a command already in effect. */
const latest: Decider<{ readonly note: string }, Noted, Tally> = {
  ...tally,
  decide: (command, state) => (state.notes.at(-1) === command.note ? [] : [{ type: 'Noted', data: { note: command.note } }]),
};

/**
 * The state the aggregate store keeps per stream: read past, never trusted past the version the append is conditional on.
 * `soleWriter`: the store is the one writer of its tables (embedded), so it knows when a kept state is current.
 */
function foldedStateSuite(
  open: () => Promise<SqlEventStore>,
  soleWriter: boolean,
  cleanUp: () => Promise<void> = async () => undefined,
): void {
  let store: SqlEventStore;
  let aggregates: AggregateStore;
  let reads: { streamId: string; fromVersion: number }[];
  const newStream = () => ({ id: randomUUID(), streamId: `tally-${randomUUID()}` });
  const appendElsewhere = (streamId: string, note: string) =>
    store.appendToStream(streamId, [{ eventId: randomUUID(), type: 'Noted', data: { note }, metadata: {} }], { expectedVersion: 'any' });
  const notesStored = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.data.note);

  beforeAll(async () => {
    store = await open();
    const readStream = store.readStream.bind(store);
    store.readStream = (streamId: string, options: ReadStreamOptions = {}) => {
      reads.push({ streamId, fromVersion: options.fromVersion ?? 1 });
      return readStream(streamId, options);
    };
    aggregates = new AggregateStore(store, new SystemClock());
  });
  beforeEach(() => {
    reads = [];
  });

  afterAll(async () => {
    await store?.close();
    await cleanUp();
  });

  it('given a command this process appended, when the next one comes, then it is decided on the kept state without reading the stream', async () => {
    const stream = newStream();
    await aggregates.execute(tally, stream, () => ({ note: 'one' }), { caller });
    reads = [];
    const outcome = await aggregates.execute(tally, stream, (state) => ({ note: `after ${state.notes.join(',')}` }), { caller });
    expect(reads).toEqual([]);
    expect(outcome).toMatchObject({ version: 2 });
    expect(await notesStored(stream.streamId)).toEqual(['one', 'after one']);
  });

  it('given the kept state, then it is folded from the events as stored (undefined fields dropped), as a fresh read folds them', async () => {
    const stream = newStream();
    await aggregates.execute(tally, stream, () => ({ note: 'one' }), { caller });
    const kept = await aggregates.load(tally, stream.streamId);
    const fresh = await new AggregateStore(store, new SystemClock()).load(tally, stream.streamId);
    expect(kept).toEqual({ state: { notes: ['one'] }, version: 1 });
    expect(kept).toEqual(fresh);
  });

  it('given another process appended past the kept state, when a command comes, then it is decided again on every event, reading only the new ones', async () => {
    const stream = newStream();
    await aggregates.execute(tally, stream, () => ({ note: 'one' }), { caller });
    await appendElsewhere(stream.streamId, 'two');
    reads = [];
    const outcome = await aggregates.execute(tally, stream, (state) => ({ note: `after ${state.notes.join(',')}` }), { caller });
    expect(reads).toEqual([{ streamId: stream.streamId, fromVersion: 2 }]);
    expect(outcome).toMatchObject({ version: 3 });
    expect(await notesStored(stream.streamId)).toEqual(['one', 'two', 'after one,two']);
  });

  it('given another process appended, when the stream is loaded, then only the events after the kept state are read', async () => {
    const stream = newStream();
    await aggregates.execute(tally, stream, () => ({ note: 'one' }), { caller });
    await appendElsewhere(stream.streamId, 'two');
    reads = [];
    expect(await aggregates.load(tally, stream.streamId)).toEqual({ state: { notes: ['one', 'two'] }, version: 2 });
    expect(reads).toEqual([{ streamId: stream.streamId, fromVersion: 2 }]);
  });

  it('given the kept state is behind, when If-Match names the version the stream is really at, then the command applies', async () => {
    const stream = newStream();
    await aggregates.execute(tally, stream, () => ({ note: 'one' }), { caller });
    await appendElsewhere(stream.streamId, 'two');
    await expect(aggregates.execute(tally, stream, () => ({ note: 'three' }), { caller, expectedVersion: 2 })).resolves.toMatchObject({
      version: 3,
    });
    expect(await notesStored(stream.streamId)).toEqual(['one', 'two', 'three']);
  });

  it('given the kept state is behind, when If-Match names the kept version, then it is refused and nothing is appended', async () => {
    const stream = newStream();
    await aggregates.execute(tally, stream, () => ({ note: 'one' }), { caller });
    await appendElsewhere(stream.streamId, 'two');
    await expect(aggregates.execute(tally, stream, () => ({ note: 'three' }), { caller, expectedVersion: 1 })).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect(await notesStored(stream.streamId)).toEqual(['one', 'two']);
    expect(await aggregates.load(tally, stream.streamId)).toEqual({ state: { notes: ['one', 'two'] }, version: 2 });
  });

  it('given a stream read in this request, when it is looked up again in the same request, then it is not read again; a new request reads past it', async () => {
    const stream = newStream();
    await aggregates.execute(tally, stream, () => ({ note: 'one' }), { caller });
    const inRequest = <T>(work: () => Promise<T>) => runInRequestContext(newRequest(), work);
    await inRequest(async () => {
      await aggregates.load(tally, stream.streamId);
      await appendElsewhere(stream.streamId, 'two');
      reads = [];
      expect(await aggregates.load(tally, stream.streamId)).toEqual({ state: { notes: ['one'] }, version: 1 });
      expect(reads).toEqual([]);
    });
    expect(await inRequest(() => aggregates.load(tally, stream.streamId))).toEqual({ state: { notes: ['one', 'two'] }, version: 2 });
    expect(reads).toEqual([{ streamId: stream.streamId, fromVersion: 2 }]);
  });

  it('given a stream read in this request and then moved on by another process, when a command on it conflicts, then it is read again and decided on every event', async () => {
    const stream = newStream();
    await aggregates.execute(tally, stream, () => ({ note: 'one' }), { caller });
    const outcome = await runInRequestContext(newRequest(), async () => {
      await aggregates.load(tally, stream.streamId);
      await appendElsewhere(stream.streamId, 'two');
      return aggregates.execute(tally, stream, (state) => ({ note: `after ${state.notes.join(',')}` }), { caller });
    });
    expect(outcome).toMatchObject({ version: 3 });
    expect(await notesStored(stream.streamId)).toEqual(['one', 'two', 'after one,two']);
  });

  it('given the kept state says a command is already in effect but another process has undone it, when it comes, then it is decided again on the stream and applied', async () => {
    const stream = newStream();
    await aggregates.execute(latest, stream, () => ({ note: 'open' }), { caller });
    await appendElsewhere(stream.streamId, 'closed');
    const outcome = await aggregates.execute(latest, stream, () => ({ note: 'open' }), { caller });
    expect(outcome).toMatchObject({ version: 3 });
    expect(await notesStored(stream.streamId)).toEqual(['open', 'closed', 'open']);
  });

  it('given the kept state would refuse a command but another process has moved the stream on, when it comes, then it is decided again on the stream and applied', async () => {
    const onlyWhenOpen: typeof tally = {
      ...tally,
      decide: (command, state) => {
        if (state.notes.at(-1) === 'closed') throw new Error('refused: closed');
        return tally.decide(command, state);
      },
    };
    const stream = newStream();
    await aggregates.execute(onlyWhenOpen, stream, () => ({ note: 'closed' }), { caller });
    await appendElsewhere(stream.streamId, 'reopened');
    reads = [];

    const outcome = await aggregates.execute(onlyWhenOpen, stream, () => ({ note: 'progress' }), { caller });

    expect(reads).toEqual([{ streamId: stream.streamId, fromVersion: 2 }]);
    expect(outcome).toMatchObject({ version: 3 });
    expect(await notesStored(stream.streamId)).toEqual(['closed', 'reopened', 'progress']);
  });

  it('given a kept state, when a new request loads the stream, then the sole writer is not read, and any other store is read past the kept version', async () => {
    const stream = newStream();
    await aggregates.execute(tally, stream, () => ({ note: 'one' }), { caller });
    reads = [];

    const loaded = await runInRequestContext(newRequest(), () => aggregates.load(tally, stream.streamId));

    expect(loaded).toEqual({ state: { notes: ['one'] }, version: 1 });
    expect(reads).toEqual(soleWriter ? [] : [{ streamId: stream.streamId, fromVersion: 2 }]);
  });

  it('given a stream this process keeps nothing of, when a command creates it, then it is appended as a new stream without reading it', async () => {
    const stream = newStream();

    const outcome = await aggregates.execute(tally, stream, () => ({ note: 'created' }), { caller });

    expect(reads).toEqual([]);
    expect(outcome).toMatchObject({ version: 1 });
    expect(await notesStored(stream.streamId)).toEqual(['created']);
  });

  it('given a stream another process wrote and this one keeps nothing of, when a command comes, then it is decided on the events stored, not as a new stream', async () => {
    const stream = newStream();
    await appendElsewhere(stream.streamId, 'one');
    const freshProcess = new AggregateStore(store, new SystemClock());

    const outcome = await freshProcess.execute(tally, stream, (state) => ({ note: `after ${state.notes.join(',')}` }), { caller });

    expect(outcome).toMatchObject({ version: 2 });
    expect(await notesStored(stream.streamId)).toEqual(['one', 'after one']);
  });

  it('given a command its decider refuses on a new stream, when it comes for a stream this process keeps nothing of, then it is decided on the stream as stored', async () => {
    const onlyOnceNoted: typeof tally = {
      ...tally,
      decide: (command, state) => {
        if (state.notes.length === 0) throw new Error('refused: nothing noted yet');
        return tally.decide(command, state);
      },
    };
    const existing = newStream();
    const missing = newStream();
    await appendElsewhere(existing.streamId, 'one');
    const freshProcess = new AggregateStore(store, new SystemClock());

    const applied = await freshProcess.execute(onlyOnceNoted, existing, () => ({ note: 'two' }), { caller });
    const refused = freshProcess.execute(onlyOnceNoted, missing, () => ({ note: 'two' }), { caller });

    expect(applied).toMatchObject({ version: 2 });
    expect(await notesStored(existing.streamId)).toEqual(['one', 'two']);
    await expect(refused).rejects.toThrow('refused: nothing noted yet');
    expect(await notesStored(missing.streamId)).toEqual([]);
  });

  it('given a command its decider refuses, then the kept state stays as it was', async () => {
    const stream = newStream();
    await aggregates.execute(tally, stream, () => ({ note: 'one' }), { caller });
    const refusing: typeof tally = {
      ...tally,
      decide: () => {
        throw new Error('refused');
      },
    };
    await expect(aggregates.execute(refusing, stream, () => ({ note: 'x' }), { caller })).rejects.toThrow('refused');
    expect(await aggregates.execute(tally, stream, (state) => ({ note: `after ${state.notes.join(',')}` }), { caller })).toMatchObject({
      version: 2,
    });
    expect(await notesStored(stream.streamId)).toEqual(['one', 'after one']);
  });
}

describe('AggregateStore keeping folded states, embedded store', () => {
  foldedStateSuite(() => openEmbeddedEventStore('memory://'), true);
});

const schema = uniqueSchema('keptfold');
await describeWithPostgres('AggregateStore keeping folded states, PostgreSQL', () => {
  foldedStateSuite(
    () => openPostgresEventStore({ connectionString: POSTGRES_URL, schema }),
    false,
    () => dropSchema(schema),
  );
});
