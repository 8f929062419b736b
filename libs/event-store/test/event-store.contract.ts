import { randomUUID } from 'node:crypto';
import { ConcurrencyError, DuplicateEventIdError, InvalidAppendError } from '../src/port/errors.js';
import type { EventStore, NewEvent, StoredEvent } from '../src/port/event-store.port.js';

export interface ContractHarness {
  readonly store: EventStore;
  /** Raw SQL on the store's own tables, for the tamper test; absent where the store has no SQL. */
  readonly sql?: (text: string, params?: unknown[]) => Promise<void>;
}

export const newEvent = (type = 'ThingHappened', data: Record<string, unknown> = { n: 1 }): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { actor: { id: 'p-1', name: 'Test', roles: ['scrutiny'] }, correlationId: randomUUID() },
});
const stream = () => `thing-${randomUUID()}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readAllOf(store: EventStore, streams: Set<string>): Promise<StoredEvent[]> {
  const seen: StoredEvent[] = [];
  let after = 0;
  for (;;) {
    const page = await store.readAll(after, 1_000);
    if (page.events.length === 0) return seen;
    seen.push(...page.events.filter((e) => streams.has(e.streamId)));
    after = page.lastPosition;
  }
}

/** The behaviour every event-store adapter must show, run unchanged against each. */
export function eventStoreContract(harness: () => ContractHarness): void {
  describe('appendToStream with expected versions', () => {
    it('creates a stream with no_stream and refuses a second no_stream, naming the actual version', async () => {
      const { store } = harness();
      const id = stream();
      const first = await store.appendToStream(id, [newEvent(), newEvent()], { expectedVersion: 'no_stream' });
      expect(first.nextExpectedVersion).toBe(2);
      const error = await store.appendToStream(id, [newEvent()], { expectedVersion: 'no_stream' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect((error as ConcurrencyError).actual).toBe(2);
    });

    it('appends at an exact version and refuses a stale one with the actual version', async () => {
      const { store } = harness();
      const id = stream();
      await store.appendToStream(id, [newEvent()], { expectedVersion: 'no_stream' });
      const second = await store.appendToStream(id, [newEvent()], { expectedVersion: 1 });
      expect(second.nextExpectedVersion).toBe(2);
      const stale = await store.appendToStream(id, [newEvent()], { expectedVersion: 1 }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(ConcurrencyError);
      expect((stale as ConcurrencyError).actual).toBe(2);
      expect((stale as ConcurrencyError).expected).toBe(1);
    });

    it('needs an existing stream for stream_exists and takes anything with any', async () => {
      const { store } = harness();
      const id = stream();
      await expect(store.appendToStream(id, [newEvent()], { expectedVersion: 'stream_exists' })).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await store.appendToStream(id, [newEvent()], { expectedVersion: 'any' })).nextExpectedVersion).toBe(1);
      expect((await store.appendToStream(id, [newEvent()], { expectedVersion: 'stream_exists' })).nextExpectedVersion).toBe(2);
      expect((await store.appendToStream(id, [newEvent()])).nextExpectedVersion).toBe(3);
      expect(await store.streamVersion(id)).toBe(3);
      expect(await store.streamVersion(stream())).toBe(0);
    });

    it('refuses an exact expected version on a stream that does not exist', async () => {
      const { store } = harness();
      const error = await store.appendToStream(stream(), [newEvent()], { expectedVersion: 3 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect((error as ConcurrencyError).actual).toBe(0);
    });

    it('writes several events all or nothing', async () => {
      const { store } = harness();
      const id = stream();
      const taken = newEvent();
      await store.appendToStream(stream(), [taken]);
      await expect(store.appendToStream(id, [newEvent(), { ...newEvent(), eventId: taken.eventId }])).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      await expect(store.appendToStream(id, [newEvent(), newEvent('Bad', { text: 'nul \u0000 inside' })])).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
      expect(await store.readStream(id)).toHaveLength(0);
      expect(await store.streamVersion(id)).toBe(0);
    });

    it('refuses malformed appends before touching storage', async () => {
      const { store } = harness();
      await expect(store.appendToStream(stream(), [])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.appendToStream(stream(), [{ ...newEvent(), eventId: 'not-a-uuid' }])).rejects.toBeInstanceOf(InvalidAppendError);
      const twice = newEvent();
      await expect(store.appendToStream(stream(), [twice, twice])).rejects.toBeInstanceOf(InvalidAppendError);
    });
  });

  describe('idempotent appends', () => {
    it('answers a retry with the same event ids as the first time and writes nothing', async () => {
      const { store } = harness();
      const id = stream();
      const events = [newEvent(), newEvent()];
      const first = await store.appendToStream(id, events, { expectedVersion: 'no_stream' });
      const retry = await store.appendToStream(id, events, { expectedVersion: 'no_stream' });
      const retryAny = await store.appendToStream(id, events);
      for (const again of [retry, retryAny]) {
        expect(again).toMatchObject({
          nextExpectedVersion: first.nextExpectedVersion,
          lastPosition: first.lastPosition,
          idempotentReplay: true,
        });
      }
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('refuses the same event id with different content', async () => {
      const { store } = harness();
      const id = stream();
      const event = newEvent('ThingHappened', { n: 1 });
      await store.appendToStream(id, [event]);
      await expect(store.appendToStream(id, [{ ...event, data: { n: 2 } }])).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(store.appendToStream(stream(), [event])).rejects.toBeInstanceOf(DuplicateEventIdError);
    });
  });

  describe('finding an event by id', () => {
    it('finds a stored event by its id, in any stream, and nothing for an id never stored', async () => {
      const { store } = harness();
      const id = stream();
      const [first, second] = [newEvent('ThingHappened', { n: 1 }), newEvent('ThingHappened', { n: 2 })];
      await store.appendToStream(id, [first, second], { expectedVersion: 'no_stream' });
      await store.appendToStream(stream(), [newEvent()]);
      const found = await store.findEvent(second.eventId.toUpperCase());
      expect(found).toMatchObject({ eventId: second.eventId, streamId: id, streamVersion: 2, type: 'ThingHappened', data: { n: 2 } });
      expect(found?.globalPosition).toBe((await store.readStream(id)).at(-1)?.globalPosition);
      expect(await store.findEvent(randomUUID())).toBeUndefined();
      expect(await store.findEvent('not-a-uuid')).toBeUndefined();
    });

    it('does not find the ids of an append refused for a stale version', async () => {
      const { store } = harness();
      const id = stream();
      await store.appendToStream(id, [newEvent()]);
      const refused = newEvent();
      await expect(store.appendToStream(id, [refused], { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.findEvent(refused.eventId)).toBeUndefined();
    });
  });

  describe('reading', () => {
    it('reads a stream forwards from a version with every stored field', async () => {
      const { store } = harness();
      const id = stream();
      const events = [newEvent('A', { a: 1 }), newEvent('B', { b: [1, 'two'] }), newEvent('C', { c: { nested: true } })];
      const result = await store.appendToStream(id, events);
      const all = await store.readStream(id);
      expect(all.map((e) => [e.type, e.streamVersion, e.data])).toEqual([
        ['A', 1, { a: 1 }],
        ['B', 2, { b: [1, 'two'] }],
        ['C', 3, { c: { nested: true } }],
      ]);
      expect(all[2]?.globalPosition).toBe(result.lastPosition);
      expect(all[0]).toMatchObject({ eventId: events[0]?.eventId, streamId: id, schemaVersion: 1, metadata: events[0]?.metadata });
      expect(all[0]?.recordedAt).toBeInstanceOf(Date);
      expect((await store.readStream(id, { fromVersion: 2 })).map((e) => e.type)).toEqual(['B', 'C']);
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('reads a stream as it stood at an instant', async () => {
      const { store } = harness();
      const id = stream();
      await store.appendToStream(id, [newEvent('First')]);
      await sleep(30);
      const between = new Date();
      await sleep(30);
      await store.appendToStream(id, [newEvent('Second')]);
      expect((await store.readStream(id, { asOf: between })).map((e) => e.type)).toEqual(['First']);
      expect(await store.readStream(id, { asOf: new Date(0) })).toEqual([]);
    });

    it('reads the global log in pages, in position order, each event once', async () => {
      const { store } = harness();
      const ids = [stream(), stream(), stream()];
      for (let round = 0; round < 4; round++) for (const id of ids) await store.appendToStream(id, [newEvent('Tick', { round })]);
      const seen = await readAllOf(store, new Set(ids));
      expect(seen).toHaveLength(12);
      const positions = seen.map((e) => e.globalPosition);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(positions).size).toBe(12);
      const head = await store.headPosition();
      expect(head).toBeGreaterThanOrEqual(Math.max(...positions));
      expect((await store.readAll(head, 10)).events).toEqual([]);
      expect((await store.readAll(head, 10)).lastPosition).toBe(head);
    });
  });

  describe('concurrent writers', () => {
    it('lose no update: 16 writers retrying on conflict leave versions 1..n with no gap', async () => {
      const { store } = harness();
      const id = stream();
      const writer = async (w: number) => {
        for (let i = 0; i < 5; i++) {
          for (;;) {
            const version = await store.streamVersion(id);
            try {
              await store.appendToStream(id, [newEvent('Wrote', { w, i })], { expectedVersion: version === 0 ? 'no_stream' : version });
              break;
            } catch (error) {
              if (!(error instanceof ConcurrencyError)) throw error;
            }
          }
        }
      };
      await Promise.all(Array.from({ length: 16 }, (_, w) => writer(w)));
      const events = await store.readStream(id);
      expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
      expect(new Set(events.map((e) => `${String(e.data.w)}/${String(e.data.i)}`)).size).toBe(80);
    });
  });

  describe('tamper evidence', () => {
    it('verifies a clean store', async () => {
      const { store } = harness();
      await store.appendToStream(stream(), [newEvent(), newEvent()]);
      const result = await store.verify();
      expect(result.ok).toBe(true);
      expect(result.checkedEvents).toBeGreaterThanOrEqual(2);
      expect(result.firstBroken).toBeUndefined();
    });

    it('chains each event to the previous event of its stream', async () => {
      const { store } = harness();
      const id = stream();
      await store.appendToStream(id, [newEvent(), newEvent()]);
      await store.appendToStream(id, [newEvent()]);
      const [a, b, c] = await store.readStream(id);
      expect(a?.prevHash).toBeNull();
      expect(b?.prevHash).toBe(a?.hash);
      expect(c?.prevHash).toBe(b?.hash);
      expect(a?.hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('waking readers', () => {
    it('wakes a waiting reader when an event is appended', async () => {
      const { store } = harness();
      const started = Date.now();
      const waiting = store.waitForEvents(10_000);
      await store.appendToStream(stream(), [newEvent()]);
      await waiting;
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });
}
