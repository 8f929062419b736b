import { randomUUID } from 'node:crypto';
import { jsonEvent } from '@kurrent/kurrentdb-client';
import type { ForeignEvent } from '../src/port/event-store.port.js';
import { openKurrentDbEventStore } from '../src/kurrentdb/open-kurrentdb-event-store.js';
import type { KurrentDbEventStore } from '../src/kurrentdb/kurrentdb-event-store.js';
import { DEFAULT_CLAIM_STREAM_PREFIX } from '../src/kurrentdb/event-id-claim.js';
import { eventStoreContract, newEvent } from './event-store.contract.js';

const KURRENTDB_URL = process.env.KURRENTDB_URL;
const NAME = 'KurrentDB event store';

function kurrentSpecifics(harness: () => { store: KurrentDbEventStore }): void {
  describe('KurrentDB specifics', () => {
    it('writes correlation and causation where KurrentDB looks for them and reads back the caller metadata as given', async () => {
      const { store } = harness();
      const id = `thing-${randomUUID()}`;
      const metadata = { actor: { id: 'p-1' }, correlationId: randomUUID(), causationId: randomUUID() };
      await store.appendToStream(id, [{ ...newEvent(), metadata }]);
      const raw: unknown[] = [];
      for await (const resolved of store.client.readStream(id)) raw.push(resolved.event?.metadata);
      expect(raw[0]).toMatchObject({
        $correlationId: metadata.correlationId,
        $causationId: metadata.causationId,
        eventStore: { schemaVersion: 1 },
      });
      expect((await store.readStream(id))[0]?.metadata).toEqual(metadata);
    });

    it('upcasts older schema versions on read and still verifies', async () => {
      const { store } = harness();
      const type = `Renamed${randomUUID().slice(0, 8)}`;
      store.upcasters.register(type, 1, (data) => ({ fullName: `${String(data.first)} ${String(data.last)}` }));
      const id = `thing-${randomUUID()}`;
      await store.appendToStream(id, [{ ...newEvent(type, { first: 'Angela', last: 'Claridge' }), schemaVersion: 1 }]);
      await store.appendToStream(id, [newEvent(type, { fullName: 'Tony Fitzgerald' })]);
      const [old, current] = await store.readStream(id);
      expect(old).toMatchObject({ schemaVersion: 2, data: { fullName: 'Angela Claridge' } });
      expect(current).toMatchObject({ schemaVersion: 2, data: { fullName: 'Tony Fitzgerald' } });
      expect((await store.verify()).ok).toBe(true);
    });

    it('keeps the event id claims and system streams out of the global log', async () => {
      const { store } = harness();
      const before = await store.headPosition();
      const id = `thing-${randomUUID()}`;
      await store.appendToStream(id, [newEvent(), newEvent()]);
      const { events } = await store.readAll(before, 100);
      expect(events.some((e) => e.streamId === id)).toBe(true);
      expect(events.filter((e) => e.streamId.startsWith('$') || e.streamId.startsWith(DEFAULT_CLAIM_STREAM_PREFIX))).toEqual([]);
    });

    it('puts the head at the last event readAll gives out, not at id claims or releases written after it', async () => {
      const { store } = harness();
      const id = `thing-${randomUUID()}`;
      const appended = await store.appendToStream(id, [newEvent()]);
      // What a lost race leaves at the end of the log: a claim and its release, after the last store event.
      const claimStream = `${DEFAULT_CLAIM_STREAM_PREFIX}${randomUUID()}`;
      await store.client.appendToStream(
        claimStream,
        jsonEvent({ type: 'EventIdClaimed', data: { eventId: 'x', streamId: id, contentDigest: 'd' } }),
      );
      await store.client.appendToStream(claimStream, jsonEvent({ type: 'EventIdReleased', data: { ticket: randomUUID() } }));
      expect(await store.headPosition()).toBe(appended.lastPosition);
      const { lastPosition } = await store.readAll(appended.lastPosition - 1, 100);
      expect(lastPosition).toBe(await store.headPosition());
    });

    it('skips an event written around the store, reports it once, leaves it out of the head and lists it in verify', async () => {
      const skipped: ForeignEvent[] = [];
      const reader = await openKurrentDbEventStore(KURRENTDB_URL ?? '', { onForeignEvent: (event) => skipped.push(event) });
      try {
        const { store } = harness();
        const id = `thing-${randomUUID()}`;
        const before = await store.appendToStream(id, [newEvent()]);
        const foreign = jsonEvent({ type: 'WrittenAroundTheStore', data: { by: 'another client' } });
        await store.client.appendToStream(`thing-${randomUUID()}`, foreign);
        expect(await reader.headPosition()).toBe(before.lastPosition);
        const after = await store.appendToStream(id, [newEvent()]);
        const first = await reader.readAll(before.lastPosition, 100);
        expect(first.events.filter((e) => e.streamId === id).map((e) => e.streamVersion)).toEqual([2]);
        expect(first.events.some((e) => e.eventId === foreign.id)).toBe(false);
        expect(first.lastPosition).toBe(after.lastPosition);
        await reader.readAll(before.lastPosition, 100);
        expect(skipped.filter((e) => e.eventId === foreign.id)).toHaveLength(1);
        const verified = await reader.verify();
        expect(verified.foreignEvents?.count).toBeGreaterThanOrEqual(1);
      } finally {
        await reader.close();
      }
    });

    it('wakes a reader when another process appends', async () => {
      const { store } = harness();
      const other = await openKurrentDbEventStore(KURRENTDB_URL ?? '');
      try {
        const started = Date.now();
        const waiting = store.waitForEvents(10_000);
        await other.appendToStream(`thing-${randomUUID()}`, [newEvent()]);
        await waiting;
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        await other.close();
      }
    });
  });
}

if (KURRENTDB_URL) {
  describe(NAME, () => {
    let store: KurrentDbEventStore;
    beforeAll(async () => {
      store = await openKurrentDbEventStore(KURRENTDB_URL);
    });
    afterAll(async () => {
      await store.close();
    });

    eventStoreContract(() => ({ store }));
    kurrentSpecifics(() => ({ store }));
  });
} else {
  const notice = '*** SKIPPED: KurrentDB contract suite: set KURRENTDB_URL (e.g. kurrentdb://localhost:2113?tls=false) to run it ***';
  console.warn(`\n${notice}\n`);
  // Jest drops the console output of a file whose tests are all skipped when several files run: say it on stderr too.
  process.stderr.write(`\n${notice}\n`);
  describe.skip(NAME, () => {
    const unopened = (): never => {
      throw new Error('KURRENTDB_URL is not set');
    };
    eventStoreContract(unopened);
    kurrentSpecifics(unopened);
  });
}
