import { randomUUID } from 'node:crypto';
import type { Decider } from '#domain';
import { openEmbeddedEventStore, openPostgresEventStore, type SqlEventStore } from '#event-store';
import { describeWithPostgres, dropSchema, POSTGRES_URL, uniqueSchema } from '../../../../../test/support/postgres.js';
import { AggregateStore } from '../../../src/features/shared/aggregate-store.js';
import { SystemClock } from '../../../src/features/shared/clock.js';
import type { Caller } from '../../../src/platform/caller.js';

const caller: Caller = { actor: undefined, correlationId: randomUUID(), requestId: randomUUID() };

type Tally = { readonly notes: readonly string[] };
type Noted = { readonly type: 'Noted'; readonly data: { readonly note: string } };
const tally: Decider<{ readonly note: string }, Noted, Tally> = {
  initialState: () => ({ notes: [] }),
  decide: (command) => [{ type: 'Noted', data: { note: command.note } }],
  evolve: (state, event) => ({ notes: [...state.notes, event.data.note] }),
};

/** Two api processes on one store: neither may act on what the other changed without seeing it, and none loses an update. */
function cacheSuite(open: () => Promise<SqlEventStore>, cleanUp: () => Promise<void> = async () => undefined): void {
  let store: SqlEventStore;
  let first: AggregateStore;
  let second: AggregateStore;

  beforeAll(async () => {
    store = await open();
    first = new AggregateStore(store, new SystemClock());
    second = new AggregateStore(store, new SystemClock());
  });

  afterAll(async () => {
    await store?.close();
    await cleanUp();
  });

  it('given one process read a stream, when another appends, then the first decides on the new events too', async () => {
    const stream = { id: randomUUID(), streamId: `tally-${randomUUID()}` };
    await first.execute(tally, stream, () => ({ note: 'one' }), { caller });
    expect(await first.load(tally, stream.streamId)).toEqual({ state: { notes: ['one'] }, version: 1 });
    await second.execute(tally, stream, () => ({ note: 'two' }), { caller });
    await second.execute(tally, stream, () => ({ note: 'three' }), { caller });
    expect(await first.load(tally, stream.streamId)).toEqual({ state: { notes: ['one', 'two', 'three'] }, version: 3 });
    expect(await first.execute(tally, stream, (state) => ({ note: `after ${state.notes.length}` }), { caller })).toMatchObject({
      version: 4,
    });
    expect((await store.readStream(stream.streamId)).map((e) => e.data.note)).toEqual(['one', 'two', 'three', 'after 3']);
  });

  it('given 20 commands on one stream from two processes at once, then each lands at its own version (one process queues its own, the append settles the rest)', async () => {
    const stream = { id: randomUUID(), streamId: `tally-${randomUUID()}` };
    await Promise.all(
      Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? first : second).execute(tally, stream, () => ({ note: `n${n}` }), { caller })),
    );
    const stored = await store.readStream(stream.streamId);
    expect(stored.map((e) => e.streamVersion)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    for (const process of [first, second]) {
      const { state, version } = await process.load(tally, stream.streamId);
      expect({ notes: state.notes, version }).toEqual({ notes: stored.map((e) => e.data.note), version: 20 });
    }
  });

  it('folds a stream as it stood at a past instant', async () => {
    const stream = { id: randomUUID(), streamId: `tally-${randomUUID()}` };
    await first.execute(tally, stream, () => ({ note: 'early' }), { caller });
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await first.execute(tally, stream, () => ({ note: 'late' }), { caller });
    expect(await first.load(tally, stream.streamId, between)).toEqual({ state: { notes: ['early'] }, version: 1 });
  });
}

describe('AggregateStore shared by two processes, embedded store', () => {
  cacheSuite(() => openEmbeddedEventStore('memory://'));
});

const schema = uniqueSchema('folded');
await describeWithPostgres('AggregateStore shared by two processes, PostgreSQL', () => {
  cacheSuite(
    () => openPostgresEventStore({ connectionString: POSTGRES_URL, schema }),
    () => dropSchema(schema),
  );
});
