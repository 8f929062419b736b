import { randomUUID } from 'node:crypto';
import type { Decider } from '#domain';
import { openEmbeddedEventStore, type SqlEventStore } from '#event-store';
import { AggregateStore } from '../../../src/features/shared/aggregate-store.js';
import { SystemClock } from '../../../src/features/shared/clock.js';
import { idFrom } from '../../../src/features/shared/create-id.js';
import type { IdempotentRequest } from '../../../src/platform/idempotency/idempotency.store.js';
import type { Caller } from '../../../src/platform/caller.js';

type Tally = { readonly notes: readonly string[] };
type Noted = { readonly type: 'Noted'; readonly data: { readonly note: string } };
/** Decides `copies` events per command, so a run that appends several is covered too. */
const tally: Decider<{ readonly note: string; readonly copies?: number }, Noted, Tally> = {
  initialState: () => ({ notes: [] }),
  decide: (command) => Array.from({ length: command.copies ?? 1 }, (_, n) => ({ type: 'Noted', data: { note: `${command.note}.${n}` } })),
  evolve: (state, event) => ({ notes: [...state.notes, event.data.note] }),
};

const requestWithKey = (key: string, bodyHash = 'body-1'): IdempotentRequest => ({
  scope: 'p-1',
  key,
  method: 'POST',
  path: '/api/v1/tallies',
  bodyHash,
});
const callerWith = (idempotentRequest?: IdempotentRequest): Caller => ({
  correlationId: randomUUID(),
  requestId: randomUUID(),
  actor: undefined,
  ...(idempotentRequest ? { idempotentRequest } : {}),
});

describe('AggregateStore: a request with an Idempotency-Key run again after an ambiguous failure', () => {
  let store: SqlEventStore;
  let first: AggregateStore;
  let second: AggregateStore;
  const newStream = () => ({ id: randomUUID(), streamId: `tally-${randomUUID()}` });
  const notesOf = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.data.note);

  beforeAll(async () => {
    store = await openEmbeddedEventStore('memory://');
    first = new AggregateStore(store, new SystemClock());
    second = new AggregateStore(store, new SystemClock());
  });
  afterAll(() => store?.close());

  it('given a first run landed and the stream moved on, when the same request runs again, then it answers the first result without deciding', async () => {
    const stream = newStream();
    const request = requestWithKey('k-moved');
    const firstAnswer = await first.execute(tally, stream, () => ({ note: 'once', copies: 2 }), { caller: callerWith(request) });
    await first.execute(tally, stream, () => ({ note: 'someone else' }), { caller: callerWith() });
    let decidedAgain = false;
    const rerun = await second.execute(
      tally,
      stream,
      () => {
        decidedAgain = true;
        return { note: 'twice' };
      },
      { caller: callerWith(request) },
    );
    expect(rerun).toEqual(firstAnswer);
    expect(firstAnswer.version).toBe(2);
    expect(decidedAgain).toBe(false);
    expect(await notesOf(stream.streamId)).toEqual(['once.0', 'once.1', 'someone else.0']);
  });

  it('given a conditional first run landed, when it runs again with the same If-Match, then it answers the first result rather than 412', async () => {
    const stream = newStream();
    await first.execute(tally, stream, () => ({ note: 'start' }), { caller: callerWith() });
    const request = requestWithKey('k-if-match');
    const firstAnswer = await first.execute(tally, stream, () => ({ note: 'conditional' }), {
      expectedVersion: 1,
      caller: callerWith(request),
    });
    const rerun = await second.execute(tally, stream, () => ({ note: 'conditional' }), { expectedVersion: 1, caller: callerWith(request) });
    expect(rerun).toEqual(firstAnswer);
    expect(await notesOf(stream.streamId)).toEqual(['start.0', 'conditional.0']);
  });

  it('given two runs of one request decide at once in two processes (a claim taken over), then one lands and both answer it', async () => {
    const stream = newStream();
    const request = requestWithKey('k-takeover');
    let decided = 0;
    let release: () => void = () => undefined;
    const bothDecided = new Promise<void>((resolve) => {
      release = resolve;
    });
    const run = (aggregates: AggregateStore) =>
      aggregates.execute(
        tally,
        stream,
        async () => {
          const n = ++decided;
          if (n === 2) release();
          await bothDecided;
          return { note: `run ${n}` };
        },
        { caller: callerWith(request) },
      );
    const [a, b] = await Promise.all([run(first), run(second)]);
    expect(a).toEqual(b);
    expect(await notesOf(stream.streamId)).toHaveLength(1);
  });

  it('appends again for another key, another body, or no key at all', async () => {
    const stream = newStream();
    await first.execute(tally, stream, () => ({ note: 'a' }), { caller: callerWith(requestWithKey('k-a')) });
    await first.execute(tally, stream, () => ({ note: 'b' }), { caller: callerWith(requestWithKey('k-b')) });
    await first.execute(tally, stream, () => ({ note: 'a, other body' }), { caller: callerWith(requestWithKey('k-a', 'body-2')) });
    await first.execute(tally, stream, () => ({ note: 'no key' }), { caller: callerWith() });
    await first.execute(tally, stream, () => ({ note: 'no key' }), { caller: callerWith() });
    expect(await notesOf(stream.streamId)).toEqual(['a.0', 'b.0', 'a, other body.0', 'no key.0', 'no key.0']);
  });

  it("names the same new record on every run of a create with a key, a fresh one without, and the client's own when given", async () => {
    const request = requestWithKey('k-create');
    const ids = await Promise.all([1, 2].map(() => idFrom({}, callerWith(request))));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idFrom({}, callerWith(requestWithKey('k-create', 'body-2')))).not.toBe(ids[0]);
    expect(idFrom({}, callerWith())).not.toBe(idFrom({}, callerWith()));
    const own = randomUUID();
    expect(idFrom({ id: own }, callerWith(request))).toBe(own);
  });
});
